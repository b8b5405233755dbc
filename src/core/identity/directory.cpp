#include "core/identity/directory.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

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
    auto it = pupil_ids_.find(std::string(pupil_id));
    if (it == pupil_ids_.end()) return nullptr;
    for (const auto &l : guardians_[guardian].links)
        if (l.pupil == it->second) return &l;
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
    std::sort(phones.begin(), phones.end());
    std::sort(families.begin(), families.end());
    families.erase(std::unique(families.begin(), families.end(),
                               [](const Entry &a, const Entry &b) { return a.hash == b.hash && a.guardian == b.guardian; }),
                   families.end());
    phones.shrink_to_fit();
    families.shrink_to_fit();
    phone_index_ = std::move(phones);
    family_index_ = std::move(families);
    index_dirty_.store(false, std::memory_order_release);
}

void Directory::ensure_index() const {
    if (index_dirty_.load(std::memory_order_acquire)) build_index();
}

void Directory::lookup(const std::vector<Entry> &idx, std::uint64_t h, std::vector<std::uint32_t> &out) {
    auto it = std::lower_bound(idx.begin(), idx.end(), Entry{h, 0});
    for (; it != idx.end() && it->hash == h; ++it) out.push_back(it->guardian);
}

std::vector<std::uint32_t> Directory::by_phone(std::string_view e164) const {
    ensure_index();
    std::vector<std::uint32_t> out;
    lookup(phone_index_, key_hash(e164), out);
    out.erase(std::remove_if(out.begin(), out.end(), [&](std::uint32_t i) { return guardians_[i].e164 != e164; }),
              out.end());
    return out;
}

std::vector<std::uint32_t> Directory::by_family_given(const std::vector<FamilyAlt> &typed, const GivenKey &fc_given) const {
    ensure_index();
    std::vector<std::uint32_t> out;
    if (!fc_given.valid) return out;
    // Every contiguous run of FC units: tier 1 and tier 2 both equate an element of PR(record)
    // with such a run (see names.hpp).
    std::vector<std::uint64_t> runs;
    for (std::size_t i = 0; i < fc_given.units.size(); ++i) {
        std::string run;
        for (std::size_t j = i; j < fc_given.units.size(); ++j) {
            run += fc_given.units[j];
            runs.push_back(key_hash(run));
        }
    }
    for (const auto &b : typed) {
        const std::uint64_t hc = key_hash(b.compact);
        const std::uint64_t hm = b.multiset.empty() ? 0 : key_hash(b.multiset);
        for (std::uint64_t hr : runs) {
            lookup(family_index_, combine_hash(hc, hr), out);
            if (!b.multiset.empty()) lookup(family_index_, combine_hash(hm, hr), out);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](std::uint32_t i) {
                                 return !family_match(guardians_[i].family, typed) ||
                                        given_fc_tier(guardians_[i].given, fc_given) == 0;
                             }),
              out.end());
    return out;
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

Result<Directory> Directory::from_json(std::string_view text_in) {
    json doc = json::parse(text_in.begin(), text_in.end(), nullptr, false);
    if (doc.is_discarded()) {
        // Re-parse with exceptions only to get the byte position for the message.
        try {
            const json again = json::parse(text_in.begin(), text_in.end());
            (void)again;
        } catch (const json::parse_error &e) {
            return Error(Code::parse, "directory JSON syntax error at byte " + std::to_string(e.byte));
        } catch (...) {
        }
        return Error(Code::parse, "directory JSON syntax error");
    }
    if (!doc.is_object()) return Error(Code::parse, "directory JSON must be an object");
    Directory d;
    auto array = [&](const char *name) -> const json * {
        auto it = doc.find(name);
        if (it == doc.end() || it->is_null()) return nullptr;
        return &*it;
    };
    const json *gs = array("guardians");
    const json *ps = array("pupils");
    const json *ls = array("links");
    for (auto [name, arr] : {std::pair{"guardians", gs}, std::pair{"pupils", ps}, std::pair{"links", ls}}) {
        if (arr != nullptr && !arr->is_array()) return Error(Code::parse, std::string(name) + " must be an array");
    }
    d.reserve(gs ? gs->size() : 0, ps ? ps->size() : 0);
    std::string id, nom, nom_naissance, prenom, phone, birth;
    if (gs != nullptr) {
        for (std::size_t i = 0; i < gs->size(); ++i) {
            const json &r = (*gs)[i];
            if (!r.is_object()) return Error(Code::parse, "guardians[" + std::to_string(i) + "] is not an object");
            auto idit = r.find("id");
            if (idit == r.end() || !idit->is_string() || idit->get_ref<const std::string &>().empty())
                return Error(Code::parse, where("guardians", i, r) + ": id must be a non-empty string");
            id = idit->get<std::string>();
            if (!opt_string(r, "nom", nom)) return Error(Code::parse, where("guardians", i, r) + ": nom must be a string");
            if (!opt_string(r, "nom_naissance", nom_naissance))
                return Error(Code::parse, where("guardians", i, r) + ": nom_naissance must be a string or null");
            if (!opt_string(r, "prenom", prenom)) return Error(Code::parse, where("guardians", i, r) + ": prenom must be a string");
            if (!opt_string(r, "phone_mobile", phone))
                return Error(Code::parse, where("guardians", i, r) + ": phone_mobile must be a string or null");
            Status st = d.add_guardian(id, nom, nom_naissance, prenom, phone);
            if (!st.ok()) return Error(st.code(), where("guardians", i, r) + ": " + st.detail());
        }
    }
    if (ps != nullptr) {
        for (std::size_t i = 0; i < ps->size(); ++i) {
            const json &r = (*ps)[i];
            if (!r.is_object()) return Error(Code::parse, "pupils[" + std::to_string(i) + "] is not an object");
            auto idit = r.find("id");
            if (idit == r.end() || !idit->is_string() || idit->get_ref<const std::string &>().empty())
                return Error(Code::parse, where("pupils", i, r) + ": id must be a non-empty string");
            if (!opt_string(r, "birthdate", birth) || birth.empty())
                return Error(Code::parse, where("pupils", i, r) + ": birthdate must be a YYYY-MM-DD string");
            Status st = d.add_pupil(idit->get<std::string>(), birth);
            if (!st.ok()) return Error(st.code(), where("pupils", i, r) + ": " + st.detail());
        }
    }
    if (ls != nullptr) {
        for (std::size_t i = 0; i < ls->size(); ++i) {
            const json &r = (*ls)[i];
            const std::string w = "links[" + std::to_string(i) + "]";
            if (!r.is_object()) return Error(Code::parse, w + " is not an object");
            std::string gid, pid;
            auto git = r.find("guardian");
            auto pit = r.find("pupil");
            if (git == r.end() || !git->is_string()) return Error(Code::parse, w + ": guardian must be a string");
            if (pit == r.end() || !pit->is_string()) return Error(Code::parse, w + ": pupil must be a string");
            bool legal = false;
            auto lit = r.find("legal_representative");
            if (lit != r.end() && !lit->is_null()) {
                if (!lit->is_boolean()) return Error(Code::parse, w + ": legal_representative must be true or false");
                legal = lit->get<bool>();
            }
            Status st = d.add_link(git->get<std::string>(), pit->get<std::string>(), legal);
            if (!st.ok()) return Error(st.code(), w + ": " + st.detail());
        }
    }
    d.build_index();
    return d;
}

Result<Directory> Directory::from_json_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error(Code::io, "cannot open the directory file");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Error(Code::io, "cannot read the directory file");
    return from_json(ss.str());
}

}  // namespace sesame::identity
