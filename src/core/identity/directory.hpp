// The school's records, indexed for identification (spec: identity.md, "Directory").
//
// Guardians are indexed by E.164 mobile number (form path) and by (family key, given-name prefix)
// pairs, the family key being the compact or sorted token multiset of every family-name alternative
// (FranceConnect path: each run of the FC given names is looked up, so even MARTIN among 1.5
// million guardians costs a few lookups, not a scan of every MARTIN). The indexes are sorted vectors
// of (64-bit hash, guardian) pairs, rebuilt lazily after additions: 16 bytes per entry, so an
// académie of 1.5 million guardians stays compact. Only keys are kept, never the typed names.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/common/json_bounds.hpp"
#include "core/common/status.hpp"
#include "core/identity/birthdate.hpp"
#include "core/identity/names.hpp"

namespace sesame::identity {

struct LinkRef {
    std::uint32_t pupil = 0;       // index into pupils
    bool legal = false;            // legal_representative
};

struct GuardianRecord {
    std::string id;
    std::string e164;                       // empty when the phone is missing or not a mobile
    std::vector<FamilyAlt> family;          // alts of nom and nom_naissance (may be empty)
    GivenKey given;
    std::vector<LinkRef> links;
    bool has_legal_link() const noexcept;
};

struct PupilRecord {
    std::string id;
    Date birthdate;
};

// Why a guardian is kept but unreachable by one field (ids only, never the values).
struct LoadWarning {
    std::string guardian_id;
    std::string field;    // "phone_mobile", "nom", "prenom"
    std::string reason;   // "missing", "invalid_number", "not_mobile", "invalid_name"...
};

class Directory {
public:
    Directory() = default;
    Directory(const Directory &) = delete;
    Directory &operator=(const Directory &) = delete;
    Directory(Directory &&other) noexcept;
    Directory &operator=(Directory &&other) noexcept;

    // Adds records one by one. Ids must be unique per kind (Code::duplicate); a link needs both
    // ends already added (Code::not_found). Names or phones that do not normalize keep the guardian
    // but make it unreachable by that field (see warnings()). Not thread-safe against queries.
    Status add_guardian(std::string_view id, std::string_view nom, std::string_view nom_naissance,
                        std::string_view prenom, std::string_view phone_mobile);
    Status add_pupil(std::string_view id, std::string_view birthdate_iso);
    Status add_link(std::string_view guardian_id, std::string_view pupil_id, bool legal_representative);

    // The JSON document of the spec ({"guardians": [...], "pupils": [...], "links": [...]}).
    // Errors name the record (array and index, and its id when it has one).
    // The JSON document of the spec. `bound`: its size bound (kDirectoryBound, or kCandidatesBound
    // for the records of one decision, or a caller's raised bound); Code::limit above it or
    // deeper than SESAME_JSON_MAX_DEPTH, before anything is parsed.
    static Result<Directory> from_json(std::string_view json, const JsonBound &bound = kDirectoryBound);
    // The same from a regular file (Code::io for a FIFO, a device, a directory), its size checked
    // against the bound before it is read.
    static Result<Directory> from_json_file(const std::string &path, const JsonBound &bound = kDirectoryBound);

    void reserve(std::size_t guardians, std::size_t pupils);

    // Queries (shared-const: concurrent calls are safe once additions are finished).
    std::vector<std::uint32_t> by_phone(std::string_view e164) const;
    // FranceConnect candidates: guardians whose family names match `typed` (verified) and whose
    // given name is of tier `tier` (1 or 2) against `fc_given`, found through the (family key,
    // given run) index: tier 1 looks up the leading runs of the FC units, tier 2 every run.
    // `limit` stops early (0 = no limit).
    std::vector<std::uint32_t> by_family_given(const std::vector<FamilyAlt> &typed, const GivenKey &fc_given, int tier,
                                               std::size_t limit = 0) const;
    const GuardianRecord &guardian(std::uint32_t i) const { return guardians_[i]; }
    const PupilRecord &pupil(std::uint32_t i) const { return pupils_[i]; }
    const PupilRecord *find_pupil(std::string_view id) const;
    std::size_t guardian_count() const noexcept { return guardians_.size(); }
    std::size_t pupil_count() const noexcept { return pupils_.size(); }
    std::size_t link_count() const noexcept { return link_count_; }
    const std::vector<LoadWarning> &warnings() const noexcept { return warnings_; }
    // Looks up a guardian's link to a pupil: nullptr when there is none.
    const LinkRef *link(std::uint32_t guardian, std::string_view pupil_id) const;

    // Builds the indexes now (otherwise done by the first query after additions).
    void build_index() const;

private:
    struct Entry {
        std::uint64_t hash;
        std::uint32_t guardian;
        bool operator<(const Entry &o) const noexcept { return hash < o.hash || (hash == o.hash && guardian < o.guardian); }
    };
    void ensure_index() const;
    // A sorted array of entries plus a bucket table on the top hash bits: a lookup is one or two
    // cache misses, not a binary search over millions of entries.
    struct Index {
        std::vector<Entry> entries;
        std::vector<std::uint32_t> buckets;  // 2^bits + 1 offsets into entries
        unsigned bits = 0;
        void build(std::vector<Entry> e);
        void lookup(std::uint64_t h, std::vector<std::uint32_t> &out) const;
    };

    std::vector<GuardianRecord> guardians_;
    std::vector<PupilRecord> pupils_;
    std::unordered_map<std::string, std::uint32_t> guardian_ids_;
    std::unordered_map<std::string, std::uint32_t> pupil_ids_;
    std::vector<LoadWarning> warnings_;
    std::size_t link_count_ = 0;

    mutable std::mutex index_mutex_;
    mutable std::atomic<bool> index_dirty_{true};
    mutable Index phone_index_;
    // (family key, element of PR(given)) pairs: family key = compact or multiset of every alternative.
    mutable Index family_index_;
};

std::uint64_t key_hash(std::string_view s) noexcept;
std::uint64_t combine_hash(std::uint64_t a, std::uint64_t b) noexcept;

}  // namespace sesame::identity
