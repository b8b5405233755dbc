#include "core/identity/directory.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>

#include "core/common/file.hpp"
#include "core/phone/phone.hpp"
#include "core/text/utf8.hpp"

namespace sesame::identity {

std::uint64_t key_hash(std::string_view s) noexcept {
    // FNV-1a 64, then a murmur finaliser for a good spread of short keys.
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

std::uint64_t combine_hash(std::uint64_t a, std::uint64_t b) noexcept {
    std::uint64_t h = a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 29;
    return h;
}

bool GuardianRecord::has_legal_link() const noexcept {
    for (const auto &l : links)
        if (l.legal) return true;
    return false;
}

Directory::Directory(Directory &&o) noexcept
    : guardians_(std::move(o.guardians_)),
      pupils_(std::move(o.pupils_)),
      guardian_ids_(std::move(o.guardian_ids_)),
      pupil_ids_(std::move(o.pupil_ids_)),
      warnings_(std::move(o.warnings_)),
      link_count_(o.link_count_),
      index_dirty_(o.index_dirty_.load()),
      phone_index_(std::move(o.phone_index_)),
      family_index_(std::move(o.family_index_)) {}

Directory &Directory::operator=(Directory &&o) noexcept {
    if (this != &o) {
        guardians_ = std::move(o.guardians_);
        pupils_ = std::move(o.pupils_);
        guardian_ids_ = std::move(o.guardian_ids_);
        pupil_ids_ = std::move(o.pupil_ids_);
        warnings_ = std::move(o.warnings_);
        link_count_ = o.link_count_;
        index_dirty_ = o.index_dirty_.load();
        phone_index_ = std::move(o.phone_index_);
        family_index_ = std::move(o.family_index_);
    }
    return *this;
}

void Directory::reserve(std::size_t guardians, std::size_t pupils) {
    guardians_.reserve(guardians);
    guardian_ids_.reserve(guardians);
    pupils_.reserve(pupils);
    pupil_ids_.reserve(pupils);
}

namespace {
bool id_ok(std::string_view id) { return !id.empty() && id.size() <= 128 && text::is_valid_utf8(id); }
}  // namespace

Status Directory::add_guardian(std::string_view id, std::string_view nom, std::string_view nom_naissance,
                               std::string_view prenom, std::string_view phone_mobile) {
    if (!id_ok(id)) return Error(Code::invalid_argument, "guardian id must be 1 to 128 bytes of UTF-8");
    if (guardian_ids_.count(std::string(id)) != 0)
        return Error(Code::duplicate, "duplicate guardian id " + std::string(id));
    GuardianRecord g;
    g.id.assign(id);
    auto warn = [&](const char *field, const char *reason) { warnings_.push_back({g.id, field, reason}); };
    // Phone: indexed only if it normalizes to a mobile.
    if (phone_mobile.empty()) {
        warn("phone_mobile", "missing");
    } else {
        const phone::Parsed p = phone::normalize(phone_mobile);
        if (!p.ok()) {
            warn("phone_mobile", phone::error_name(p.error));
        } else if (!p.number.is_mobile) {
            warn("phone_mobile", "not_mobile");
        } else {
            g.e164.assign(p.number.e164());
        }
    }
    // Family names: every non-empty one the school holds.
    bool any_family = false;
    const std::pair<const char *, std::string_view> names[] = {{"nom", nom}, {"nom_naissance", nom_naissance}};
    for (const auto &[field, n] : names) {
        if (n.empty()) continue;
        auto alts = family_alts(n);
        if (alts.empty()) {
            warn(field, "invalid_name");
            continue;
        }
        any_family = true;
        for (auto &a : alts) {
            const bool dup = std::any_of(g.family.begin(), g.family.end(),
                                         [&](const FamilyAlt &x) { return x.compact == a.compact && x.multiset == a.multiset; });
            if (!dup) g.family.push_back(std::move(a));
        }
    }
    if (!any_family && nom.empty() && nom_naissance.empty()) warn("nom", "missing");
    g.given = given_key(prenom);
    if (!g.given.valid) warn("prenom", prenom.empty() ? "missing" : "invalid_name");
    const auto idx = static_cast<std::uint32_t>(guardians_.size());
    guardian_ids_.emplace(g.id, idx);
    guardians_.push_back(std::move(g));
    index_dirty_.store(true, std::memory_order_release);
    return Status::Ok();
}

Status Directory::add_pupil(std::string_view id, std::string_view birthdate_iso) {
    if (!id_ok(id)) return Error(Code::invalid_argument, "pupil id must be 1 to 128 bytes of UTF-8");
    if (pupil_ids_.count(std::string(id)) != 0) return Error(Code::duplicate, "duplicate pupil id " + std::string(id));
    PupilRecord p;
    p.id.assign(id);
    if (!parse_iso_date(birthdate_iso, p.birthdate))
        return Error(Code::parse, "pupil " + p.id + ": birthdate is not a valid YYYY-MM-DD date");
    pupil_ids_.emplace(p.id, static_cast<std::uint32_t>(pupils_.size()));
    pupils_.push_back(std::move(p));
    return Status::Ok();
}

Status Directory::add_link(std::string_view guardian_id, std::string_view pupil_id, bool legal_representative) {
    auto g = guardian_ids_.find(std::string(guardian_id));
    if (g == guardian_ids_.end()) return Error(Code::not_found, "link to an unknown guardian " + std::string(guardian_id));
    auto p = pupil_ids_.find(std::string(pupil_id));
    if (p == pupil_ids_.end()) return Error(Code::not_found, "link to an unknown pupil " + std::string(pupil_id));
    auto &links = guardians_[g->second].links;
    for (auto &l : links) {
        if (l.pupil == p->second)
            return Error(Code::duplicate, "duplicate link " + std::string(guardian_id) + "-" + std::string(pupil_id));
    }
    links.push_back({p->second, legal_representative});
    ++link_count_;
    return Status::Ok();
}

const PupilRecord *Directory::find_pupil(std::string_view id) const {
    auto it = pupil_ids_.find(std::string(id));
    return it == pupil_ids_.end() ? nullptr : &pupils_[it->second];
}

const LinkRef *Directory::link(std::uint32_t guardian, std::string_view pupil_id) const {
    for (const auto &l : guardians_[guardian].links)
        if (pupils_[l.pupil].id == pupil_id) return &l;
    return nullptr;
}

void Directory::build_index() const {
    std::lock_guard<std::mutex> lock(index_mutex_);
    if (!index_dirty_.load(std::memory_order_acquire)) return;
    std::vector<Entry> phones, families;
    phones.reserve(guardians_.size());
    families.reserve(guardians_.size() * 3);
    for (std::uint32_t i = 0; i < guardians_.size(); ++i) {
        const auto &g = guardians_[i];
        if (!g.e164.empty()) phones.push_back({key_hash(g.e164), i});
        if (!g.given.valid) continue;
        const auto prefixes = g.given.prefixes();
        for (const auto &a : g.family) {
            const std::uint64_t hc = key_hash(a.compact);
            const std::uint64_t hm = a.multiset.empty() ? 0 : key_hash(a.multiset);
            for (const auto &p : prefixes) {
                const std::uint64_t hp = key_hash(p);
                families.push_back({combine_hash(hc, hp), i});
                if (!a.multiset.empty()) families.push_back({combine_hash(hm, hp), i});
            }
        }
    }
    phone_index_.build(std::move(phones));
    family_index_.build(std::move(families));
    index_dirty_.store(false, std::memory_order_release);
}

void Directory::ensure_index() const {
    if (index_dirty_.load(std::memory_order_acquire)) build_index();
}

void Directory::Index::build(std::vector<Entry> e) {
    std::sort(e.begin(), e.end());
    e.erase(std::unique(e.begin(), e.end(), [](const Entry &a, const Entry &b) { return a.hash == b.hash && a.guardian == b.guardian; }),
            e.end());
    e.shrink_to_fit();
    bits = 1;
    while (bits < 24 && (std::size_t{1} << bits) < e.size()) ++bits;
    buckets.assign((std::size_t{1} << bits) + 1, 0);
    std::size_t k = 0;
    for (std::size_t b = 0; b < (std::size_t{1} << bits); ++b) {
        buckets[b] = static_cast<std::uint32_t>(k);
        while (k < e.size() && (e[k].hash >> (64 - bits)) == b) ++k;
    }
    buckets.back() = static_cast<std::uint32_t>(e.size());
    entries = std::move(e);
}

void Directory::Index::lookup(std::uint64_t h, std::vector<std::uint32_t> &out) const {
    if (entries.empty()) return;
    const std::size_t b = static_cast<std::size_t>(h >> (64 - bits));
    for (std::uint32_t k = buckets[b]; k < buckets[b + 1]; ++k) {
        if (entries[k].hash == h) out.push_back(entries[k].guardian);
        else if (entries[k].hash > h) break;
    }
}

std::vector<std::uint32_t> Directory::by_phone(std::string_view e164) const {
    ensure_index();
    std::vector<std::uint32_t> out;
    phone_index_.lookup(key_hash(e164), out);
    out.erase(std::remove_if(out.begin(), out.end(), [&](std::uint32_t i) { return guardians_[i].e164 != e164; }),
              out.end());
    return out;
}

std::vector<std::uint32_t> Directory::by_family_given(const std::vector<FamilyAlt> &typed, const GivenKey &fc_given,
                                                      int tier, std::size_t limit) const {
    ensure_index();
    std::vector<std::uint32_t> out;
    if (!fc_given.valid) return out;
    // Tier 1 equates an element of PR(record) with a leading run of the FC units; tier 2 with any
    // contiguous run (see names.hpp).
    std::vector<std::uint64_t> runs;
    for (std::size_t i = 0; i < (tier == 1 ? 1 : fc_given.unit_count()); ++i)
        for (std::size_t j = i + 1; j <= fc_given.unit_count(); ++j) runs.push_back(key_hash(fc_given.run(i, j)));
    for (const auto &b : typed) {
        const std::uint64_t hc = key_hash(b.compact);
        const std::uint64_t hm = b.multiset.empty() ? 0 : key_hash(b.multiset);
        for (std::uint64_t hr : runs) {
            family_index_.lookup(combine_hash(hc, hr), out);
            if (!b.multiset.empty()) family_index_.lookup(combine_hash(hm, hr), out);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    std::vector<std::uint32_t> verified;
    for (std::uint32_t i : out) {
        if (given_fc_tier(guardians_[i].given, fc_given) != tier || !family_match(guardians_[i].family, typed)) continue;
        verified.push_back(i);
        if (limit != 0 && verified.size() >= limit) break;
    }
    return verified;
}

// ---- JSON ---------------------------------------------------------------------------------------

namespace {

using json = nlohmann::json;

std::string where(const char *array, std::size_t i, const json &rec) {
    std::string s = std::string(array) + "[" + std::to_string(i) + "]";
    auto it = rec.find("id");
    if (it != rec.end() && it->is_string()) s += " (id " + text::repair_utf8(it->get<std::string>()) + ")";
    return s;
}

// Optional string field: absent or null -> "", string -> value, else an error.
bool opt_string(const json &rec, const char *field, std::string &out) {
    out.clear();
    auto it = rec.find(field);
    if (it == rec.end() || it->is_null()) return true;
    if (!it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

}  // namespace

// Streaming load: each record is handled when the parser closes it and then discarded, so the
// document is never held as a whole DOM (an académie's 1.5 million guardians stay affordable).
// Nothing the loader does not read is kept either: values under unknown top-level keys, and the
// contents of arrays or objects inside a record (a record's fields are scalars: such a field is
// kept as an empty container so that its type is still refused). Memory is the directory's plus
// one record. Links are applied at the end, whatever the order of the arrays.
Result<Directory> Directory::from_json(std::string_view text_in, const JsonBound &bound) {
    if (Status st = check_json_bounds(text_in, bound); !st.ok()) return st;
    Directory d;
    Status error;  // first error; parsing goes on without handling further records
    enum class Section { other, guardians, pupils, links };
    Section section = Section::other;
    std::size_t index[4] = {0, 0, 0, 0};
    struct PendingLink {
        std::string guardian, pupil;
        bool legal;
        std::size_t index;
    };
    std::vector<PendingLink> links;
    std::string nom, nom_naissance, prenom, phone, birth;
    bool top_is_object = false;
    bool in_array = false;  // inside the array value of the current section
    auto fail = [&](Status st) {
        if (error.ok()) error = std::move(st);
    };
    auto guardian = [&](const json &r) {
        const std::size_t i = index[1]++;
        if (!r.is_object()) return fail(Error(Code::parse, "guardians[" + std::to_string(i) + "] is not an object"));
        auto idit = r.find("id");
        if (idit == r.end() || !idit->is_string() || idit->get_ref<const std::string &>().empty())
            return fail(Error(Code::parse, where("guardians", i, r) + ": id must be a non-empty string"));
        if (!opt_string(r, "nom", nom)) return fail(Error(Code::parse, where("guardians", i, r) + ": nom must be a string"));
        if (!opt_string(r, "nom_naissance", nom_naissance))
            return fail(Error(Code::parse, where("guardians", i, r) + ": nom_naissance must be a string or null"));
        if (!opt_string(r, "prenom", prenom)) return fail(Error(Code::parse, where("guardians", i, r) + ": prenom must be a string"));
        if (!opt_string(r, "phone_mobile", phone))
            return fail(Error(Code::parse, where("guardians", i, r) + ": phone_mobile must be a string or null"));
        Status st = d.add_guardian(idit->get_ref<const std::string &>(), nom, nom_naissance, prenom, phone);
        if (!st.ok()) fail(Error(st.code(), where("guardians", i, r) + ": " + st.detail()));
    };
    auto pupil = [&](const json &r) {
        const std::size_t i = index[2]++;
        if (!r.is_object()) return fail(Error(Code::parse, "pupils[" + std::to_string(i) + "] is not an object"));
        auto idit = r.find("id");
        if (idit == r.end() || !idit->is_string() || idit->get_ref<const std::string &>().empty())
            return fail(Error(Code::parse, where("pupils", i, r) + ": id must be a non-empty string"));
        if (!opt_string(r, "birthdate", birth) || birth.empty())
            return fail(Error(Code::parse, where("pupils", i, r) + ": birthdate must be a YYYY-MM-DD string"));
        Status st = d.add_pupil(idit->get_ref<const std::string &>(), birth);
        if (!st.ok()) fail(Error(st.code(), where("pupils", i, r) + ": " + st.detail()));
    };
    auto link = [&](const json &r) {
        const std::size_t i = index[3]++;
        const std::string w = "links[" + std::to_string(i) + "]";
        if (!r.is_object()) return fail(Error(Code::parse, w + " is not an object"));
        auto git = r.find("guardian");
        auto pit = r.find("pupil");
        if (git == r.end() || !git->is_string()) return fail(Error(Code::parse, w + ": guardian must be a string"));
        if (pit == r.end() || !pit->is_string()) return fail(Error(Code::parse, w + ": pupil must be a string"));
        bool legal = false;
        auto lit = r.find("legal_representative");
        if (lit != r.end() && !lit->is_null()) {
            if (!lit->is_boolean()) return fail(Error(Code::parse, w + ": legal_representative must be true or false"));
            legal = lit->get<bool>();
        }
        links.push_back({git->get<std::string>(), pit->get<std::string>(), legal, i});
    };
    json::parser_callback_t cb = [&](int depth, json::parse_event_t event, json &parsed) -> bool {
        // Inside a record's field: keep nothing (depth counts the containers around the event).
        if (depth >= 4) return false;
        if (depth == 3 && (event == json::parse_event_t::object_end || event == json::parse_event_t::array_end)) {
            parsed = parsed.is_object() ? json::object() : json::array();  // the type without the contents
            return true;
        }
        if (depth == 0 && event == json::parse_event_t::object_start) top_is_object = true;
        // Not a directory (refused below), or under an unknown top-level key.
        if (depth >= 1 && !top_is_object) return false;
        if (depth >= 2 && section == Section::other) return false;
        if (depth == 1 && event == json::parse_event_t::key) {
            const auto &k = parsed.get_ref<const std::string &>();
            section = k == "guardians" ? Section::guardians : k == "pupils" ? Section::pupils : k == "links" ? Section::links : Section::other;
            in_array = false;
            return true;
        }
        if (depth == 1 && event == json::parse_event_t::array_start) in_array = true;
        if (depth == 1 && event == json::parse_event_t::object_start && top_is_object && section != Section::other) {
            const char *name = section == Section::guardians ? "guardians" : section == Section::pupils ? "pupils" : "links";
            fail(Error(Code::parse, std::string(name) + " must be an array"));
        }
        if (depth == 1 && event == json::parse_event_t::value && top_is_object && section != Section::other &&
            !parsed.is_array() && !parsed.is_null()) {
            const char *name = section == Section::guardians ? "guardians" : section == Section::pupils ? "pupils" : "links";
            fail(Error(Code::parse, std::string(name) + " must be an array"));
            return false;
        }
        // A finished record: an element (object or not) directly inside one of the three arrays.
        const bool element_end = depth == 2 && (event == json::parse_event_t::object_end ||
                                                event == json::parse_event_t::array_end || event == json::parse_event_t::value);
        if (!element_end || !top_is_object || section == Section::other || !in_array) return true;
        if (error.ok()) {
            if (section == Section::guardians) guardian(parsed);
            else if (section == Section::pupils) pupil(parsed);
            else link(parsed);
        }
        return false;  // discard: the record is in the directory now
    };
    json doc = json::parse(text_in.begin(), text_in.end(), cb, false);
    if (doc.is_discarded()) {
        // Re-parse with exceptions only to get the byte position for the message.
        try {
            const json again = json::parse(text_in.begin(), text_in.end(), [](int, json::parse_event_t, json &) { return false; });
            (void)again;
        } catch (const json::parse_error &e) {
            return Error(Code::parse, "directory JSON syntax error at byte " + std::to_string(e.byte));
        } catch (...) {
        }
        return Error(Code::parse, "directory JSON syntax error");
    }
    if (!doc.is_object()) return Error(Code::parse, "directory JSON must be an object");
    if (!error.ok()) return error;
    for (const auto &l : links) {
        Status st = d.add_link(l.guardian, l.pupil, l.legal);
        if (!st.ok()) return Error(st.code(), "links[" + std::to_string(l.index) + "]: " + st.detail());
    }
    d.build_index();
    return d;
}

Result<Directory> Directory::from_json_file(const std::string &path, const JsonBound &bound) {
    auto file = RegularFile::open(path, bound.max_bytes, bound.limit_name, "the directory file");
    if (!file.ok()) return file.status();
    auto text = file->read_all();
    if (!text.ok()) return text.status();
    return from_json(*text, bound);
}

}  // namespace sesame::identity
