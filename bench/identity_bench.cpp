// identity: canonical name keys against ICU's Transliterator("Any-Latin; Latin-ASCII; Lower") on the
// same Latin names (side by side), and identification in a generated académie-sized directory
// (1,500,000 guardians): build time and memory, JSON load, form and FranceConnect decisions.
//
// Note: for non-Latin input the spec's key is *invalid* (refused) while ICU transliterates, so the
// comparison uses Latin names only (accents, ligatures, apostrophes, hyphens, particles).
#include <benchmark/benchmark.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/identity/decision.hpp"
#include "core/identity/directory.hpp"
#include "core/text/name_key.hpp"

namespace {

using namespace sesame::identity;

const std::vector<std::string> &latin_names() {
    static const std::vector<std::string> names = {
        "LEFÈVRE", "Hélène", "D'ALEMBERT", "Jean-Pierre Marie", "MÜLLER", "SØRENSEN", "FONTAINE (DE LA)",
        "DURAND EP. LEROY", "Marie-Thérèse", "ÉLODIE", "Œuvrard", "Françoise", "LE GALL", "N'DIAYE", "José María",
        "Nguyễn Thị Hương", "Zoë", "Ángel", "KOWALCZYK", "Łukasz", "Ærøskøbing", "SAINT-EXUPÉRY", "Chloé", "ST MARTIN",
        "DUPONT", "Jean", "GARCÍA LÓPEZ", "O'CONNOR", "Anaïs", "BENOÎT"};
    return names;
}

void BM_NameKey_Sesame(benchmark::State &state) {
    const auto &names = latin_names();
    for (auto _ : state)
        for (const auto &n : names) {
            auto k = sesame::text::name_key(n);
            benchmark::DoNotOptimize(k);
        }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(names.size()));
}
BENCHMARK(BM_NameKey_Sesame);

void BM_NameKey_IcuTransliterator(benchmark::State &state) {
    const auto &names = latin_names();
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, ec));
    if (U_FAILURE(ec) || !t) {
        state.SkipWithError("ICU transliterator unavailable");
        return;
    }
    std::string out;
    for (auto _ : state)
        for (const auto &n : names) {
            icu::UnicodeString u = icu::UnicodeString::fromUTF8(n);
            t->transliterate(u);
            out.clear();
            u.toUTF8String(out);
            benchmark::DoNotOptimize(out);
        }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(names.size()));
}
BENCHMARK(BM_NameKey_IcuTransliterator);

// ---- a generated académie ------------------------------------------------------------------------

constexpr std::size_t kGuardians = 1500000;

const std::vector<std::string> kCommonFamilies = {
    "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
    "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
    "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE", "FAURE", "ANDRE",
    "MERCIER", "BLANC", "GUERIN", "BOYER", "GARNIER", "CHEVALIER", "FRANCOIS", "LEGRAND", "GAUTHIER", "GARCIA",
    "PERRIN", "ROBIN", "CLEMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU", "GAUTIER", "MASSON",
    "D'ALEMBERT", "LE GALL", "DE LA FONTAINE", "N'DIAYE", "NGUYEN", "DIALLO", "TRAORE", "DA SILVA", "DOS SANTOS", "BENOIT"};
const std::vector<std::string> kGiven = {
    "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Christine", "Valérie", "Céline", "Stéphanie",
    "Hélène", "Anne", "Sophie", "Claire", "Julie", "Aurélie", "Émilie", "Laetitia", "Karine", "Virginie",
    "Jean", "Philippe", "Michel", "Alain", "Patrick", "Nicolas", "Christophe", "Pierre", "Christian", "Éric",
    "Frédéric", "Laurent", "Stéphane", "David", "Olivier", "Sébastien", "Thierry", "Julien", "Jérôme", "Jean-Pierre",
    "Marie-Claire", "Anne-Sophie", "Fatima", "Mohamed", "Karim", "Aïcha", "Thi Huong", "José", "Ana", "Paul"};
const char *kSyllables[] = {"ba", "ber", "cha", "dal", "de", "fon", "gar", "il", "ja", "ker", "la", "lou", "ma", "mer",
                            "no", "pa", "pel", "que", "ri", "ro", "sa", "son", "ta", "tin", "vel", "vi", "za", "zen"};

struct Household {
    std::string family;
    std::string g1, g2;
    std::string phone;
    std::string pupil;
    Date birth;
};

Household household(std::size_t i) {
    std::mt19937_64 rng(i * 0x9e3779b97f4a7c15ull + 1);
    Household h;
    if (rng() % 4 == 0) {
        // Zipf-like: common names very frequent (MARTIN ~ 0.8% of households, DURAND ~ 0.5%...).
        const std::size_t r = static_cast<std::size_t>(std::sqrt(static_cast<double>(rng() % (kCommonFamilies.size() * kCommonFamilies.size()))));
        h.family = kCommonFamilies[kCommonFamilies.size() - 1 - r];
    } else {
        for (int s = 0; s < 3; ++s) h.family += kSyllables[rng() % std::size(kSyllables)];
        for (auto &c : h.family) c = static_cast<char>(c - 'a' + 'A');
    }
    h.g1 = kGiven[rng() % 20];
    h.g2 = kGiven[20 + rng() % 30];
    char phone[16];
    std::snprintf(phone, sizeof phone, "06%08zu", i);
    h.phone = phone;
    h.pupil = "P" + std::to_string(i);
    h.birth = {2008 + static_cast<int>(rng() % 16), 1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28)};
    return h;
}

std::size_t rss_bytes() {
    long pages = 0, resident = 0;
    FILE *f = std::fopen("/proc/self/statm", "r");
    if (f == nullptr) return 0;
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
    return static_cast<std::size_t>(resident) * 4096;
}

std::string iso(const Date &d) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", d.year, d.month, d.day);
    return b;
}

std::unique_ptr<Directory> g_dir;

void build_directory() {
    if (g_dir) return;
    g_dir = std::make_unique<Directory>();
    g_dir->reserve(kGuardians, kGuardians / 2);
    for (std::size_t i = 0; i < kGuardians / 2; ++i) {
        const Household h = household(i);
        const std::string id = "G" + std::to_string(2 * i);
        const std::string id2 = "G" + std::to_string(2 * i + 1);
        (void)g_dir->add_guardian(id, h.family, "", h.g1, h.phone);
        (void)g_dir->add_guardian(id2, h.family, "", h.g2, h.phone);
        (void)g_dir->add_pupil(h.pupil, iso(h.birth));
        (void)g_dir->add_link(id, h.pupil, true);
        (void)g_dir->add_link(id2, h.pupil, true);
    }
    g_dir->build_index();
}

void BM_DirectoryBuild_1500000(benchmark::State &state) {
    for (auto _ : state) {
        g_dir.reset();
        const std::size_t before = rss_bytes();
        const auto t0 = std::chrono::steady_clock::now();
        build_directory();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        state.counters["seconds"] = s;
        state.counters["rss_MiB"] = static_cast<double>(rss_bytes() - before) / (1 << 20);
        state.counters["bytes_per_guardian"] = static_cast<double>(rss_bytes() - before) / kGuardians;
    }
}
BENCHMARK(BM_DirectoryBuild_1500000)->Iterations(1)->Unit(benchmark::kSecond);

void BM_DirectoryLoadJson_1500000(benchmark::State &state) {
    std::string doc;
    doc.reserve(400u << 20);
    doc += "{\"guardians\": [";
    for (std::size_t i = 0; i < kGuardians / 2; ++i) {
        const Household h = household(i);
        if (i) doc += ',';
        doc += "{\"id\":\"G" + std::to_string(2 * i) + "\",\"civilite\":\"Mme\",\"nom\":\"" + h.family + "\",\"nom_naissance\":null,\"prenom\":\"" +
               h.g1 + "\",\"phone_mobile\":\"" + h.phone + "\"},";
        doc += "{\"id\":\"G" + std::to_string(2 * i + 1) + "\",\"civilite\":\"M.\",\"nom\":\"" + h.family + "\",\"nom_naissance\":null,\"prenom\":\"" +
               h.g2 + "\",\"phone_mobile\":\"" + h.phone + "\"}";
    }
    doc += "], \"pupils\": [";
    for (std::size_t i = 0; i < kGuardians / 2; ++i) {
        const Household h = household(i);
        if (i) doc += ',';
        doc += "{\"id\":\"" + h.pupil + "\",\"nom\":\"" + h.family + "\",\"prenom\":\"X\",\"birthdate\":\"" + iso(h.birth) + "\"}";
    }
    doc += "], \"links\": [";
    for (std::size_t i = 0; i < kGuardians / 2; ++i) {
        if (i) doc += ',';
        for (int k = 0; k < 2; ++k)
            doc += std::string(k ? "," : "") + "{\"guardian\":\"G" + std::to_string(2 * i + k) + "\",\"pupil\":\"P" + std::to_string(i) +
                   "\",\"relation\":\"mere\",\"responsabilite\":\"legal\",\"legal_representative\":true}";
    }
    doc += "]}";
    for (auto _ : state) {
        const std::size_t before = rss_bytes();
        const auto t0 = std::chrono::steady_clock::now();
        auto d = Directory::from_json(doc);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!d.ok() || d->guardian_count() != kGuardians) state.SkipWithError("load failed");
        state.counters["seconds"] = s;
        state.counters["json_MiB"] = static_cast<double>(doc.size()) / (1 << 20);
        state.counters["rss_after_MiB"] = static_cast<double>(rss_bytes() - before) / (1 << 20);
    }
}
BENCHMARK(BM_DirectoryLoadJson_1500000)->Iterations(1)->Unit(benchmark::kSecond);

std::vector<Claim> form_claims(std::size_t n) {
    std::vector<Claim> out;
    std::mt19937_64 rng(42);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = rng() % (kGuardians / 2);
        const Household h = household(i);
        Claim c;
        c.method = Method::form;
        char phone[32];
        std::snprintf(phone, sizeof phone, "06 %02zu %02zu %02zu %02zu", i / 1000000 % 100, i / 10000 % 100, i / 100 % 100, i % 100);
        c.phone = phone;
        c.family_name = h.family;
        c.given_name = k % 2 ? h.g1 : h.g2;
        char date[16];
        std::snprintf(date, sizeof date, "%02d/%02d/%04d", h.birth.day, h.birth.month, h.birth.year);
        c.pupils.push_back({h.pupil, true, date});
        out.push_back(std::move(c));
    }
    return out;
}

void BM_DecideForm_1500000(benchmark::State &state) {
    build_directory();
    const auto claims = form_claims(4096);
    DecideOptions opt{Date{2026, 9, 1}, 0, nullptr};
    std::size_t i = 0, activated = 0;
    for (auto _ : state) {
        auto d = decide(*g_dir, claims[i++ & 4095], opt);
        activated += d.ok() && d->status == Outcome::activated;
        benchmark::DoNotOptimize(d);
    }
    state.counters["activated_ratio"] = static_cast<double>(activated) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_DecideForm_1500000)->Unit(benchmark::kMicrosecond);

void BM_DecideFc_1500000(benchmark::State &state) {
    build_directory();
    auto claims = form_claims(4096);
    for (std::size_t k = 0; k < claims.size(); ++k) {  // FC: no phone, all given names, birth name
        auto &c = claims[k];
        c.method = Method::fc;
        c.fc.family_name = c.family_name;
        c.fc.given_name = c.given_name + " Marie";
        c.phone.reset();
    }
    DecideOptions opt{Date{2026, 9, 1}, 0, nullptr};
    std::size_t i = 0, activated = 0;
    for (auto _ : state) {
        auto d = decide(*g_dir, claims[i++ & 4095], opt);
        activated += d.ok() && d->status == Outcome::activated;
        benchmark::DoNotOptimize(d);
    }
    state.counters["activated_ratio"] = static_cast<double>(activated) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_DecideFc_1500000)->Unit(benchmark::kMicrosecond);

// Identification alone (phone index, name keys of the typed values, family and given rules, the
// legal-link check): a claim without confirmations stops right after it (no_confirmation).
void BM_IdentifyForm_1500000(benchmark::State &state) {
    build_directory();
    auto claims = form_claims(4096);
    for (auto &c : claims) c.pupils.clear();
    DecideOptions opt{Date{2026, 9, 1}, 0, nullptr};
    std::size_t i = 0, identified = 0;
    for (auto _ : state) {
        auto d = decide(*g_dir, claims[i++ & 4095], opt);
        identified += d.ok() && d->guardian.has_value();
        benchmark::DoNotOptimize(d);
    }
    state.counters["identified_ratio"] = static_cast<double>(identified) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_IdentifyForm_1500000)->Unit(benchmark::kMicrosecond);

void BM_DecideFcWithPhone_1500000(benchmark::State &state) {
    build_directory();
    auto claims = form_claims(4096);
    for (auto &c : claims) {
        c.method = Method::fc;
        c.fc.family_name = c.family_name;
        c.fc.given_name = "Anne " + c.given_name;  // the school uses the second given name: tier 2 + phone
    }
    DecideOptions opt{Date{2026, 9, 1}, 0, nullptr};
    std::size_t i = 0, activated = 0;
    for (auto _ : state) {
        auto d = decide(*g_dir, claims[i++ & 4095], opt);
        activated += d.ok() && d->status == Outcome::activated;
        benchmark::DoNotOptimize(d);
    }
    state.counters["activated_ratio"] = static_cast<double>(activated) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_DecideFcWithPhone_1500000)->Unit(benchmark::kMicrosecond);

// What the C ABI does per call: parse the claim JSON, decide, serialise the result.
void BM_DecideFormJson_1500000(benchmark::State &state) {
    build_directory();
    const auto claims = form_claims(1024);
    std::vector<std::string> texts;
    for (const auto &c : claims)
        texts.push_back(std::string("{\"method\":\"form\",\"phone\":\"") + *c.phone + "\",\"family_name\":\"" + c.family_name +
                        "\",\"given_name\":\"" + c.given_name + "\",\"pupils\":[{\"pupil\":\"" + c.pupils[0].pupil +
                        "\",\"legal_representative\":true,\"birthdate\":\"" + c.pupils[0].birthdate + "\"}]}");
    DecideOptions opt{Date{2026, 9, 1}, 0, nullptr};
    std::size_t i = 0;
    for (auto _ : state) {
        auto c = parse_claim(texts[i++ & 1023]);
        auto d = decide(*g_dir, *c, opt);
        auto j = d->to_json();
        benchmark::DoNotOptimize(j);
    }
}
BENCHMARK(BM_DecideFormJson_1500000)->Unit(benchmark::kMicrosecond);

}  // namespace
