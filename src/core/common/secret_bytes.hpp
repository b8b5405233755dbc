// SecretBytes: move-only bytes wiped with sodium_memzero on destruction and reassignment.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace sesame {

class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t n);
    SecretBytes(const void *data, std::size_t n);
    explicit SecretBytes(std::string_view s) : SecretBytes(s.data(), s.size()) {}
    ~SecretBytes();

    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;

    std::uint8_t *data() noexcept { return bytes_.data(); }
    const std::uint8_t *data() const noexcept { return bytes_.data(); }
    std::size_t size() const noexcept { return bytes_.size(); }
    bool empty() const noexcept { return bytes_.empty(); }
    std::span<const std::uint8_t> span() const noexcept { return {bytes_.data(), bytes_.size()}; }
    std::string_view view() const noexcept {
        return {reinterpret_cast<const char *>(bytes_.data()), bytes_.size()};
    }
    // Grows or shrinks; bytes dropped or moved by a reallocation are wiped first.
    void resize(std::size_t n);
    void append(const void *data, std::size_t n);
    void wipe() noexcept;

    // Constant-time equality (sodium_memcmp); different sizes compare unequal.
    bool equals(std::span<const std::uint8_t> other) const noexcept;

private:
    std::vector<std::uint8_t> bytes_;
};

// Wipe any memory (sodium_memzero); NULL is a no-op.
void secure_wipe(void *p, std::size_t n) noexcept;
// Constant-time comparison of two equal-length byte ranges; false when the lengths differ.
bool constant_time_equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept;

}  // namespace sesame
