#include "core/common/secret_bytes.hpp"

#include <sodium.h>

#include <cstring>

#include "core/common/sodium_init.hpp"

namespace sesame {

void secure_wipe(void *p, std::size_t n) noexcept {
    if (p != nullptr && n != 0) sodium_memzero(p, n);
}

bool constant_time_equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept {
    if (a.size() != b.size()) return false;
    if (a.empty()) return true;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SecretBytes::SecretBytes(std::size_t n) : bytes_(n, 0) {}

SecretBytes::SecretBytes(const void *data, std::size_t n) : bytes_(n) {
    if (n != 0) std::memcpy(bytes_.data(), data, n);
}

SecretBytes::~SecretBytes() { wipe(); }

SecretBytes::SecretBytes(SecretBytes &&other) noexcept : bytes_(std::move(other.bytes_)) {
    other.bytes_.clear();
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept {
    if (this != &other) {
        wipe();
        bytes_ = std::move(other.bytes_);
        other.bytes_.clear();
    }
    return *this;
}

void SecretBytes::wipe() noexcept {
    secure_wipe(bytes_.data(), bytes_.capacity());
    bytes_.clear();
}

void SecretBytes::resize(std::size_t n) {
    if (n <= bytes_.capacity()) {
        if (n < bytes_.size()) secure_wipe(bytes_.data() + n, bytes_.size() - n);
        bytes_.resize(n);
        return;
    }
    std::vector<std::uint8_t> bigger(n, 0);
    if (!bytes_.empty()) std::memcpy(bigger.data(), bytes_.data(), bytes_.size());
    wipe();
    bytes_ = std::move(bigger);
}

void SecretBytes::append(const void *data, std::size_t n) {
    if (n == 0) return;
    const std::size_t old = bytes_.size();
    resize(old + n);
    std::memcpy(bytes_.data() + old, data, n);
}

bool SecretBytes::equals(std::span<const std::uint8_t> other) const noexcept {
    return constant_time_equal(span(), other);
}

}  // namespace sesame
