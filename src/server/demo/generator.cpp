// The demo data generator. Only +, -, *, / and sqrt touch doubles (all exactly rounded
// by IEEE 754, and the file is built without FMA contraction), so every machine agrees.
//
// [SECTION] Small helpers
// [SECTION] Sellers
// [SECTION] Listing text
// [SECTION] Search facts
// [SECTION] Listings

#include "server/demo/generator.hpp"

#include "server/demo/catalog.hpp"

#include "core/money.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace dongelek::server::demo {

// [SECTION] Small helpers

namespace {

constexpr std::int64_t kDay = 86400;

// Picks an index with probability proportional to its weight.
class WeightedPicker {
public:
    void add(std::size_t index, int weight)
    {
        if (weight <= 0) return;
        m_total += weight;
        m_cumulative.push_back({m_total, index});
    }
    bool empty() const { return m_cumulative.empty(); }
    std::size_t pick(Rng& rng) const
    {
        const std::int64_t r = rng.range(1, m_total);
        std::size_t lo = 0, hi = m_cumulative.size() - 1;
        while (lo < hi) { // first entry whose running total reaches r
            const std::size_t mid = (lo + hi) / 2;
            if (m_cumulative[mid].first < r)
                lo = mid + 1;
            else
                hi = mid;
        }
        return m_cumulative[lo].second;
    }

private:
    std::int64_t m_total = 0;
    std::vector<std::pair<std::int64_t, std::size_t>> m_cumulative;
};

// "2.5" from 2.5 litres, without locale-dependent printf.
std::string litresText(double litres)
{
    const long tenths = std::lround(litres * 10);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::string digits(Rng& rng, int n)
{
    std::string s;
    for (int i = 0; i < n; ++i)
        s += static_cast<char>('0' + rng.range(0, 9));
    return s;
}

std::int64_t roundTo(std::int64_t v, std::int64_t step)
{
    return (v + step / 2) / step * step;
}

} // namespace

// [SECTION] VIN

namespace {
constexpr std::string_view kVinChars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"; // no I, O, Q

int vinValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    static constexpr std::string_view letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    static constexpr int values[] = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    const auto pos = letters.find(c);
    return pos == std::string_view::npos ? -1 : values[pos];
}

char vinCheckDigit(const std::string& vin)
{
    static constexpr int weights[17] = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += vinValue(vin[static_cast<std::size_t>(i)]) * weights[i];
    const int r = sum % 11;
    return r == 10 ? 'X' : static_cast<char>('0' + r);
}

char vinYearCode(int year)
{
    static constexpr std::string_view codes = "ABCDEFGHJKLMNPRSTVWXY"; // 2010..2030
    if (year >= 2010 && year < 2010 + static_cast<int>(codes.size()))
        return codes[static_cast<std::size_t>(year - 2010)];
    if (year >= 2001 && year <= 2009) return static_cast<char>('0' + (year - 2000));
    return 'Y';
}
} // namespace

std::string makeVin(Rng& rng, const char* wmi, int year)
{
    std::string vin = wmi;
    for (int i = 0; i < 5; ++i)
        vin += kVinChars[static_cast<std::size_t>(rng.range(0, kVinChars.size() - 1))];
    vin += '0'; // check digit placeholder (weight 0 for position 9)
    vin += vinYearCode(year);
    vin += kVinChars[static_cast<std::size_t>(rng.range(0, 22))]; // plant: a letter
    vin += digits(rng, 6);
    vin[8] = vinCheckDigit(vin);
    return vin;
}

bool vinCheckDigitValid(const std::string& vin)
{
    if (vin.size() != 17) return false;
    for (char c : vin)
        if (vinValue(c) < 0) return false;
    return vin[8] == vinCheckDigit(vin);
}

// [SECTION] Sellers

namespace {

struct SellerInfo {
    std::int64_t id;
    std::int64_t cityId;
    Country country;
    bool dealer;
    std::string cityName;
};

std::string personName(Rng& rng, const NameParts& n)
{
    const bool female = !n.femaleFirst.empty() && rng.chance(0.3);
    const char* first = female ? rng.pick(n.femaleFirst) : rng.pick(n.maleFirst);
    std::string last;
    const std::size_t total = n.maleLast.size() + n.neutralLast.size();
    const auto k = static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(total) - 1));
    if (k < n.maleLast.size()) {
        last = n.maleLast[k];
        if (female) last += "а"; // Сапаров -> Сапарова, Иванов -> Иванова
    } else {
        last = n.neutralLast[k - n.maleLast.size()];
    }
    return std::string(first) + " " + last;
}

std::string kzMobile(Rng& rng)
{
    static const std::vector<const char*> prefixes = {"700", "701", "702", "705", "707", "708",
                                                      "747", "771", "775", "776", "777", "778"};
    return std::string("+7 ") + rng.pick(prefixes) + " " + digits(rng, 3) + " " + digits(rng, 2) + " " + digits(rng, 2);
}

std::string phoneFor(Rng& rng, Country country, bool dealer, const std::string& city)
{
    if (country == Country::BH) {
        if (dealer) return "+973 17" + digits(rng, 2) + " " + digits(rng, 4);
        return "+973 3" + std::to_string(rng.range(2, 9)) + digits(rng, 2) + " " + digits(rng, 4);
    }
    if (dealer && city == "Almaty") return "+7 727 " + digits(rng, 3) + " " + digits(rng, 2) + " " + digits(rng, 2);
    if (dealer && city == "Astana") return "+7 7172 " + digits(rng, 2) + " " + digits(rng, 2) + " " + digits(rng, 2);
    return kzMobile(rng);
}

} // namespace

// [SECTION] Listing text

namespace {

struct TextFacts {
    const std::string& make;
    const std::string& model;
    int year;
    int mileageKm;
    const std::string& city;
    bool dealer;
};

std::string russianDescription(Rng& rng, const TextFacts& f)
{
    std::string s;
    const auto add = [&](const std::string& sentence) {
        if (!s.empty()) s += ' ';
        s += sentence;
    };
    const std::string car = f.make + " " + f.model;
    if (f.dealer) {
        static const std::vector<const char*> intro = {"В наличии ", "Предлагаем ", "Продаётся "};
        add(rng.pick(intro) + car + " " + std::to_string(f.year) + " года.");
        static const std::vector<const char*> dealer = {
            "Автомобиль прошёл проверку по 120 пунктам.",   "Гарантия на двигатель и коробку до 1 года.",
            "Кредит от 5 банков, рассрочка, трейд-ин.",     "Юридическая чистота подтверждена.",
            "Полный пакет документов, быстрое оформление.", "Возможна доставка в другой город."};
        add(rng.pick(dealer));
        add(rng.pick(dealer));
        add("Ждём вас в нашем салоне в городе " + f.city + ".");
        return s;
    }
    static const std::vector<const char*> intro = {"Продаю ", "Продам свой ", "Срочно продаю "};
    add(rng.pick(intro) + car + ", " + std::to_string(f.year) + " г.в.");
    static const std::vector<const char*> condition = {
        "Машина в отличном состоянии.", "Состояние хорошее, вложений не требует.",
        "Ухоженный автомобиль, всё работает.", "Есть мелкие царапины по кузову, на фото видно.",
        "Салон чистый, не прокуренный."};
    add(rng.pick(condition));
    if (f.mileageKm < 1000)
        add("Новая машина, без пробега.");
    else
        add("Пробег " + groupDigits(f.mileageKm, " ") + " км, родной.");
    static const std::vector<const char*> history = {"Один хозяин.", "Не бита, не крашена.",
                                                     "Обслуживалась у официального дилера.",
                                                     "Два владельца по техпаспорту."};
    // A car from this or last year has had one owner: leave out "two owners".
    const bool nearlyNew = f.year >= kReferenceYear - 1;
    add(history[static_cast<std::size_t>(rng.range(0, nearlyNew ? 2 : 3))]);
    static const std::vector<const char*> extra = {"Зимняя резина в подарок.",
                                                   "Комплект летней резины на дисках.",
                                                   "Растаможена, на учёте в РК.",
                                                   "Подходит под кредит.",
                                                   "Обмен не предлагать.",
                                                   "Возможен обмен на машину дешевле.",
                                                   "Торг у капота.",
                                                   "Звоните в любое время.",
                                                   "Кондиционер, подогрев сидений, камера заднего вида."};
    add(rng.pick(extra));
    if (rng.chance(0.5)) add(rng.pick(extra));
    if (rng.chance(0.15)) {
        // Many Kazakhstani ads are bilingual; this also puts Kazakh letters into the UI.
        static const std::vector<const char*> kazakh = {"Көлік жақсы күйде, бір иесі болған.",
                                                        "Қосымша сұрақтар бойынша хабарласыңыз.", "Бағасы келісімді.",
                                                        "Қысқы дөңгелектер сыйлыққа беріледі."};
        add(rng.pick(kazakh));
    }
    return s;
}

std::string englishDescription(Rng& rng, const TextFacts& f)
{
    std::string s;
    const auto add = [&](const std::string& sentence) {
        if (!s.empty()) s += ' ';
        s += sentence;
    };
    add(std::to_string(f.year) + " " + f.make + " " + f.model + " for sale in " + f.city + ".");
    static const std::vector<const char*> specs = {"GCC specs, agency maintained.", "GCC specs, full service history.",
                                                   "American specs, clean title."};
    add(rng.pick(specs));
    if (f.dealer) {
        static const std::vector<const char*> dealer = {"Certified pre-owned with a 1 year warranty.",
                                                        "Finance available through all Bahraini banks.",
                                                        "Trade-ins welcome.", "Free registration transfer."};
        add(rng.pick(dealer));
        add(rng.pick(dealer));
        return s;
    }
    if (f.mileageKm < 1000)
        add("Brand new, zero kilometres.");
    else
        add("Only " + groupDigits(f.mileageKm, ",") + " km driven.");
    static const std::vector<const char*> history = {"Single owner.", "Accident free, original paint.",
                                                     "Lady driven, garage kept.",
                                                     "Second owner, all receipts available."};
    const bool nearlyNew = f.year >= kReferenceYear - 1;
    add(history[static_cast<std::size_t>(rng.range(0, nearlyNew ? 2 : 3))]);
    static const std::vector<const char*> months = {"January", "March", "May", "June", "September", "December"};
    add(std::string("Insurance and registration valid until ") + rng.pick(months) + " " +
        std::to_string(kReferenceYear + 1) + ".");
    static const std::vector<const char*> extra = {"Price slightly negotiable.", "Serious buyers only.",
                                                   "Tinted windows, new tyres.", "Call or WhatsApp any time."};
    add(rng.pick(extra));
    return s;
}

} // namespace

// [SECTION] Search facts

namespace {

// Condition, owners, the wheel's side, customs, accidents, trim, 360° spin, VIN check and
// price drops, drawn from `rng` (the facts stream) after the listing's other values.
void addSearchFacts(Rng& rng, ListingRecord& r, const std::string& make, int age, bool kz, std::int64_t createdEpoch,
                    std::int64_t now)
{
    static const std::vector<const char*> trims = {"", "", "Comfort", "Elegance", "Prestige", "Luxe", "Sport",
                                                   "Premium", "Business", "Style"};
    r.trim = rng.pick(trims);
    r.condition = age == 0 && r.mileageKm <= 50 ? Condition::New : Condition::Used;
    r.owners = r.condition == Condition::New ? 0 : static_cast<int>(std::min<std::int64_t>(5, 1 + rng.range(0, 1 + age / 4)));
    // Right-hand-drive cars come to Kazakhstan as used imports from Japan.
    static const std::vector<std::string> japanese = {"Toyota", "Lexus", "Nissan", "Honda", "Mazda", "Subaru",
                                                      "Mitsubishi", "Suzuki"};
    const bool jdm = std::find(japanese.begin(), japanese.end(), make) != japanese.end();
    r.steering = kz && jdm && age >= 4 && rng.chance(0.22) ? Steering::Right : Steering::Left;
    r.customsCleared = !kz || !rng.chance(r.steering == Steering::Right ? 0.25 : 0.05);
    const double a = rng.uniform();
    r.accidents = r.condition == Condition::New ? 0 : a < 0.78 ? 0 : a < 0.95 ? 1 : 2;
    r.hasSpin = rng.chance(0.3);
    r.vinVerified = rng.chance(0.6);
    // About one listing in four has dropped its price once or twice since it was posted:
    // the history holds the earlier (higher) prices with the time each was set, the first
    // at posting; the drops fall evenly between posting and now.
    if (rng.chance(0.25) && now - createdEpoch > 3 * kDay) {
        const std::int64_t drops = rng.range(1, 2);
        const std::int64_t unit = r.price.currency == Currency::KZT ? 10'000 * 100 : 50 * 1000;
        std::vector<Money> earlier; // newest first
        std::int64_t price = r.price.amountMinor;
        for (std::int64_t i = 0; i < drops; ++i) {
            price = (price * (100 + rng.range(3, 8)) / 100 / unit + 1) * unit;
            earlier.push_back(Money{price, r.price.currency});
        }
        const std::int64_t step = (now - createdEpoch) / (drops + 1);
        for (std::int64_t i = 0; i < drops; ++i)
            r.priceHistory.emplace_back(isoTimestamp(createdEpoch + i * step), earlier[static_cast<std::size_t>(drops - 1 - i)]);
    }
}

} // namespace

// [SECTION] Listings

GeneratorStats generateDemoData(BulkWriter& writer, std::uint64_t seed, int listingCount, std::int64_t referenceEpoch)
{
    GeneratorStats stats;
    Rng rng(seed);
    // The facts added with the search filters (issue 8) draw from their own stream, so the
    // listings of a seed are the same as before they existed.
    Rng factsRng(seed ^ 0x5EA7C4F4C75ull);
    // So do the sellers' "verified" marks (the verified seller badge).
    Rng badgeRng(seed ^ 0xBADCE5E11E75ull);
    const std::int64_t kReferenceEpoch = referenceEpoch;

    // Catalog: ids follow the tables' order, so they are stable across seeds.
    const auto& makes = makeSpecs();
    struct ModelRef {
        std::size_t make, model;
        std::int64_t makeId, modelId;
    };
    std::vector<ModelRef> models;
    std::int64_t modelId = 0;
    for (std::size_t mi = 0; mi < makes.size(); ++mi) {
        writer.addMake({static_cast<std::int64_t>(mi + 1), makes[mi].name, makes[mi].aliases});
        ++stats.makes;
        for (std::size_t k = 0; k < makes[mi].models.size(); ++k) {
            const ModelSpec& m = makes[mi].models[k];
            writer.addModel({++modelId, static_cast<std::int64_t>(mi + 1), m.name, m.aliases});
            models.push_back({mi, k, static_cast<std::int64_t>(mi + 1), modelId});
            ++stats.models;
        }
    }
    WeightedPicker modelPicker[2]; // [KZ, BH]
    for (std::size_t i = 0; i < models.size(); ++i) {
        const ModelSpec& m = makes[models[i].make].models[models[i].model];
        modelPicker[0].add(i, m.weightKz);
        modelPicker[1].add(i, m.weightBh);
    }

    const auto& cities = citySpecs();
    std::map<std::string, std::int64_t> cityIds;
    WeightedPicker cityPicker[2];
    for (std::size_t i = 0; i < cities.size(); ++i) {
        writer.addCity({static_cast<std::int64_t>(i + 1), cities[i].name, cities[i].country});
        cityIds[cities[i].name] = static_cast<std::int64_t>(i + 1);
        cityPicker[cities[i].country == Country::KZ ? 0 : 1].add(i, cities[i].weight);
        ++stats.cities;
    }

    // Sellers: the dealers of the catalog, then private persons in both countries.
    std::vector<SellerInfo> dealers[2], privates[2];
    std::int64_t sellerId = 0;
    const auto addSeller = [&](std::string name, bool dealer, std::size_t cityIndex) {
        const CitySpec& city = cities[cityIndex];
        SellerRecord r;
        r.id = ++sellerId;
        r.name = std::move(name);
        r.kind = dealer ? SellerKind::Dealer : SellerKind::Private;
        r.cityId = static_cast<std::int64_t>(cityIndex + 1);
        r.phone = phoneFor(rng, city.country, dealer, city.name);
        r.createdAt = isoTimestamp(kReferenceEpoch - rng.range(30, 11 * 365) * kDay - rng.range(0, kDay - 1));
        r.verified = badgeRng.chance(0.5); // the marketplace checked the phone and email of about half
        writer.addSeller(r);
        const int c = city.country == Country::KZ ? 0 : 1;
        (dealer ? dealers : privates)[c].push_back({r.id, r.cityId, city.country, dealer, city.name});
        ++stats.sellers;
    };
    for (const DealerSpec& d : dealerSpecs())
        addSeller(d.name, true, static_cast<std::size_t>(cityIds.at(d.city) - 1));
    for (int i = 0; i < 240; ++i)
        addSeller(personName(rng, rng.chance(0.6) ? kazakhNames() : russianNames()), false, cityPicker[0].pick(rng));
    for (int i = 0; i < 60; ++i)
        addSeller(personName(rng, bahrainiNames()), false, cityPicker[1].pick(rng));

    WeightedPicker colorPicker[2];
    for (std::size_t i = 0; i < colorSpecs().size(); ++i) {
        colorPicker[0].add(i, colorSpecs()[i].weightKz);
        colorPicker[1].add(i, colorSpecs()[i].weightBh);
    }

    static constexpr PhotoKind kPhotoOrder[] = {PhotoKind::Side,       PhotoKind::Interior,   PhotoKind::SideMirrored,
                                                PhotoKind::CloseFront, PhotoKind::CloseWheel, PhotoKind::SideDusk};
    std::int64_t photoId = 0;
    ListingRecord r;
    for (int n = 1; n <= listingCount; ++n) {
        const bool kz = rng.chance(0.8);
        const int c = kz ? 0 : 1;
        const ModelRef& ref = models[modelPicker[c].pick(rng)];
        const MakeSpec& make = makes[ref.make];
        const ModelSpec& model = make.models[ref.model];
        const bool dealer = rng.chance(kz ? 0.35 : 0.45);
        const SellerInfo& seller = dealer ? rng.pick(dealers[c]) : rng.pick(privates[c]);

        // Age skewed to recent years: (u + u^1.5) / 2 puts about half the cars under
        // 9 years old and one in twenty in this model year.
        int year = 0;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const double u = rng.uniform();
            const int age = std::min(21, static_cast<int>(22.0 * (u + u * std::sqrt(u)) / 2.0));
            year = kReferenceYear - age;
            if (year >= model.firstYear && year <= model.lastYear) break;
        }
        year = std::clamp(year, model.firstYear, model.lastYear);
        const int age = kReferenceYear - year;

        std::vector<const EngineOption*> engines;
        for (const EngineOption& e : model.engines)
            if (e.fromYear <= year) engines.push_back(&e);
        const EngineOption& engine = engines.empty() ? model.engines.front() : *rng.pick(engines);

        Fuel fuel = engine.fuel;
        const std::string makeName = make.name;
        if (kz && fuel == Fuel::Petrol && (makeName == "Lada" || makeName == "Chevrolet") && rng.chance(0.1))
            fuel = Fuel::Gas; // LPG conversions are common on budget cars in Kazakhstan

        Transmission transmission = model.transmissions.front();
        if (model.transmissions.size() > 1) {
            const bool hasManual = std::find(model.transmissions.begin(), model.transmissions.end(),
                                             Transmission::Manual) != model.transmissions.end();
            if (hasManual && year < 2015 && rng.chance(0.5))
                transmission = Transmission::Manual;
            else if (rng.chance(0.35))
                transmission =
                    model.transmissions[static_cast<std::size_t>(rng.range(1, model.transmissions.size() - 1))];
        }
        Drive drive = model.drive;
        if (drive != Drive::Awd && model.awdPercent > 0 && rng.range(1, 100) <= model.awdPercent) drive = Drive::Awd;

        int mileage = 0;
        if (age == 0) {
            mileage = rng.chance(0.5) ? static_cast<int>(rng.range(0, 50)) : static_cast<int>(rng.range(100, 9000));
        } else {
            const std::int64_t perYear = rng.range(12'000, 22'000);
            mileage = static_cast<int>(perYear * age + rng.range(-8'000, 8'000) + rng.range(2'000, 9'000));
            mileage = std::max(mileage, 1'000 * age);
            mileage = static_cast<int>(roundTo(mileage, mileage > 20'000 ? 1'000 : 100));
        }

        // Price: new price, kept value per year, a mileage adjustment and market noise.
        double value = static_cast<double>(model.newPriceKzt);
        for (int i = 0; i < age; ++i)
            value *= make.yearlyRetention;
        const double expected = 17'000.0 * age;
        double mileageFactor = 1.0 - 0.06 * (mileage - expected) / 50'000.0;
        mileageFactor = std::min(1.08, std::max(0.8, mileageFactor));
        value *= mileageFactor * (0.9 + 0.2 * rng.uniform());
        std::int64_t kzt = std::max<std::int64_t>(900'000, roundTo(static_cast<std::int64_t>(value), 10'000));

        r = ListingRecord{};
        r.id = n;
        r.sellerId = seller.id;
        r.makeId = ref.makeId;
        r.modelId = ref.modelId;
        r.year = year;
        if (kz) {
            r.price = Money{kzt * 100, Currency::KZT};
        } else {
            // Cars cost somewhat less in Bahrain; BHD prices are rounded to 50 dinars.
            const std::int64_t bhd = std::max<std::int64_t>(400, roundTo(kzt * 82 / 100 / kKztPerBhd, 50));
            r.price = Money{bhd * 1000, Currency::BHD};
        }
        r.mileageKm = mileage;
        r.body = model.body;
        r.fuel = fuel;
        r.transmission = transmission;
        r.drive = drive;
        r.engineLitres = engine.litres;
        r.powerHp = engine.powerHp;
        r.color = colorSpecs()[colorPicker[c].pick(rng)].name;
        r.vin = makeVin(rng, make.wmi, year);
        r.cityId = seller.cityId;
        r.country = seller.country;
        r.title = makeName + " " + model.name;
        if (engine.fuel == Fuel::Electric)
            r.title += " EV";
        else
            r.title += " " + litresText(engine.litres) + (engine.fuel == Fuel::Hybrid ? " Hybrid" : "");
        const std::string modelName = model.name;
        const TextFacts facts{makeName, modelName, year, mileage, seller.cityName, dealer};
        r.description = kz ? russianDescription(rng, facts) : englishDescription(rng, facts);
        const std::int64_t createdEpoch = kReferenceEpoch - rng.range(0, 90 * kDay - 1);
        r.createdAt = isoTimestamp(createdEpoch);

        int photoCount = static_cast<int>(rng.range(3, 6));
        addSearchFacts(factsRng, r, makeName, age, kz, createdEpoch, kReferenceEpoch);
        const bool noPhotos = factsRng.chance(0.04); // some sellers post before taking photos
        Backdrop backdrop = Backdrop::Showroom;
        if (!dealer) {
            if (kz)
                backdrop = rng.chance(0.55) ? Backdrop::Street : Backdrop::Steppe;
            else
                backdrop = rng.chance(0.45) ? Backdrop::Street : Backdrop::Desert;
        }
        for (int p = 0; p < photoCount; ++p) {
            PhotoRecord photo;
            photo.id = ++photoId;
            photo.position = p;
            photo.kind = kPhotoOrder[p];
            photo.backdrop = backdrop;
            photo.seed = static_cast<std::uint32_t>(rng.next() >> 32);
            r.photos.push_back(photo);
        }
        if (noPhotos) { // drawn all the same, so the main stream stays as it was
            r.photos.clear();
            photoCount = 0;
        }
        writer.addListing(r);
        ++stats.listings;
        stats.photos += photoCount;
    }
    writer.commit();
    return stats;
}

} // namespace dongelek::server::demo
