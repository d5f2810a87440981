// Demo reference data. Prices are rough 2026 market prices of a new car (or of the last
// model year for discontinued ones) in tenge; weights make Toyota, Hyundai, Chevrolet and
// Lada common in Kazakhstan and Toyota, Nissan, Lexus, GMC and Mitsubishi in Bahrain.

#include "server/demo/catalog.hpp"

namespace dongelek::server::demo {

namespace {
using B = Body;
using T = Transmission;
using D = Drive;
constexpr auto P = Fuel::Petrol;
constexpr auto Di = Fuel::Diesel;
constexpr auto Hy = Fuel::Hybrid;
constexpr auto El = Fuel::Electric;
const std::vector<T> kAuto{T::Automatic};
const std::vector<T> kAutoManual{T::Automatic, T::Manual};
const std::vector<T> kManualAuto{T::Manual, T::Automatic};
const std::vector<T> kCvt{T::Cvt};
const std::vector<T> kCvtManual{T::Cvt, T::Manual};
const std::vector<T> kRobot{T::Robot};
} // namespace

const std::vector<MakeSpec>& makeSpecs()
{
    // One model per line: name, aliases, body, years, price, engines, gearboxes, drive,
    // AWD share, weight in Kazakhstan, weight in Bahrain.
    // clang-format off
    static const std::vector<MakeSpec> makes = {
        {"Toyota", "Тойота", "JTD", 0.955,
         {
             {"Camry", "Камри", B::Sedan, 2006, 2026, 18'500'000, {{2.5, 181, P}, {3.5, 249, P}, {2.5, 218, Hy, 2018}}, kAuto, D::Fwd, 0, 60, 40},
             {"Corolla", "Королла", B::Sedan, 2006, 2026, 12'500'000, {{1.6, 122, P}, {1.8, 140, P}, {1.8, 122, Hy, 2019}}, {T::Cvt, T::Automatic, T::Manual}, D::Fwd, 0, 30, 25},
             {"RAV4", "Рав4 Рав 4", B::Crossover, 2006, 2026, 19'000'000, {{2.0, 149, P}, {2.5, 199, P}, {2.5, 222, Hy, 2019}}, {T::Cvt, T::Automatic}, D::Fwd, 60, 30, 15},
             {"Land Cruiser 200", "Ленд Крузер Крузак", B::Suv, 2008, 2021, 48'000'000, {{4.6, 309, P}, {4.5, 249, Di}}, kAuto, D::Awd, 0, 20, 20},
             {"Land Cruiser 300", "Ленд Крузер Крузак", B::Suv, 2021, 2026, 62'000'000, {{3.5, 415, P}, {3.3, 299, Di}}, kAuto, D::Awd, 0, 8, 15},
             {"Land Cruiser Prado", "Прадо Ленд Крузер", B::Suv, 2009, 2026, 32'000'000, {{2.7, 163, P}, {4.0, 282, P}, {2.8, 177, Di}}, kAuto, D::Awd, 0, 25, 20},
             {"Hilux", "Хайлюкс", B::Pickup, 2006, 2026, 22'000'000, {{2.4, 150, Di}, {2.8, 204, Di}, {2.7, 166, P}}, kManualAuto, D::Awd, 0, 10, 15},
             {"Highlander", "Хайлендер", B::Crossover, 2010, 2026, 28'000'000, {{3.5, 249, P}, {2.5, 243, Hy, 2020}}, kAuto, D::Awd, 0, 8, 5},
             {"Fortuner", "Фортунер", B::Suv, 2016, 2026, 22'000'000, {{2.7, 166, P}, {4.0, 235, P}, {2.8, 177, Di}}, kAuto, D::Awd, 0, 5, 12},
             {"Yaris", "Ярис", B::Sedan, 2010, 2026, 8'000'000, {{1.5, 107, P}}, {T::Cvt, T::Automatic}, D::Fwd, 0, 2, 15},
             {"Alphard", "Альфард", B::Minivan, 2010, 2026, 45'000'000, {{3.5, 300, P}, {2.5, 250, Hy, 2018}}, kAuto, D::Fwd, 0, 3, 3},
         }},
        {"Lexus", "Лексус", "JTH", 0.95,
         {
             {"LX", "ЛХ Лх570 Лх600", B::Suv, 2008, 2026, 75'000'000, {{5.7, 367, P}, {3.5, 409, P, 2022}}, kAuto, D::Awd, 0, 8, 15},
             {"RX", "РХ", B::Crossover, 2009, 2026, 38'000'000, {{3.5, 300, P}, {2.0, 238, P, 2016}, {3.5, 313, Hy}}, kAuto, D::Awd, 0, 10, 10},
             {"ES", "ЕС", B::Sedan, 2012, 2026, 30'000'000, {{2.5, 200, P}, {3.5, 249, P}, {2.5, 218, Hy, 2019}}, kAuto, D::Fwd, 0, 8, 10},
             {"GX", "ГХ", B::Suv, 2010, 2026, 45'000'000, {{4.6, 296, P}}, kAuto, D::Awd, 0, 3, 8},
         }},
        {"Hyundai", "Хендай Хундай Хёндай", "KMH", 0.93,
         {
             {"Accent", "Акцент", B::Sedan, 2011, 2026, 9'500'000, {{1.4, 100, P}, {1.6, 123, P}}, kAutoManual, D::Fwd, 0, 40, 10},
             {"Elantra", "Элантра", B::Sedan, 2011, 2026, 11'500'000, {{1.6, 128, P}, {2.0, 149, P}}, kAutoManual, D::Fwd, 0, 30, 12},
             {"Sonata", "Соната", B::Sedan, 2010, 2026, 14'000'000, {{2.0, 150, P}, {2.5, 180, P}}, kAuto, D::Fwd, 0, 12, 8},
             {"Tucson", "Туссан Тусан", B::Crossover, 2010, 2026, 15'500'000, {{2.0, 150, P}, {2.5, 190, P, 2021}, {2.0, 185, Di}}, kAuto, D::Fwd, 45, 30, 10},
             {"Santa Fe", "Санта Фе", B::Suv, 2010, 2026, 21'000'000, {{2.5, 180, P}, {3.5, 249, P}, {2.2, 200, Di}}, kAuto, D::Awd, 0, 20, 8},
             {"Creta", "Крета", B::Crossover, 2016, 2026, 10'500'000, {{1.6, 123, P}, {2.0, 149, P}}, kAutoManual, D::Fwd, 25, 25, 8},
             {"Staria", "Стария", B::Minivan, 2021, 2026, 22'000'000, {{2.2, 177, Di}, {3.5, 272, P}}, kAuto, D::Fwd, 0, 5, 4},
         }},
        {"Kia", "Киа Кия", "KNA", 0.93,
         {
             {"Rio", "Рио", B::Sedan, 2011, 2026, 8'500'000, {{1.4, 100, P}, {1.6, 123, P}}, kAutoManual, D::Fwd, 0, 30, 5},
             {"Cerato", "Церато", B::Sedan, 2013, 2026, 10'000'000, {{1.6, 128, P}, {2.0, 150, P}}, kAuto, D::Fwd, 0, 10, 6},
             {"K5", "К5 Оптима", B::Sedan, 2020, 2026, 14'000'000, {{2.0, 150, P}, {2.5, 194, P}}, kAuto, D::Fwd, 0, 15, 5},
             {"Sportage", "Спортейдж Спортаж", B::Crossover, 2010, 2026, 15'000'000, {{2.0, 150, P}, {2.5, 190, P, 2022}, {2.0, 185, Di}}, kAuto, D::Fwd, 45, 20, 8},
             {"Sorento", "Соренто", B::Suv, 2010, 2026, 20'000'000, {{2.5, 180, P}, {3.5, 249, P}, {2.2, 199, Di}}, kAuto, D::Awd, 0, 10, 5},
             {"Picanto", "Пиканто", B::Hatchback, 2011, 2026, 6'500'000, {{1.0, 67, P}, {1.2, 84, P}}, kAutoManual, D::Fwd, 0, 5, 5},
             {"Carnival", "Карнивал", B::Minivan, 2015, 2026, 25'000'000, {{2.2, 199, Di}, {3.5, 272, P}}, kAuto, D::Fwd, 0, 4, 5},
         }},
        {"Chevrolet", "Шевроле Шевролет", "XWB", 0.93,
         {
             {"Cobalt", "Кобальт", B::Sedan, 2013, 2026, 7'000'000, {{1.5, 106, P}}, kManualAuto, D::Fwd, 0, 45, 0},
             {"Nexia", "Нексия", B::Sedan, 2016, 2026, 6'500'000, {{1.5, 106, P}}, kManualAuto, D::Fwd, 0, 25, 0},
             {"Onix", "Оникс", B::Sedan, 2023, 2026, 7'500'000, {{1.2, 115, P}}, kAuto, D::Fwd, 0, 15, 0},
             {"Tracker", "Трекер", B::Crossover, 2021, 2026, 10'500'000, {{1.2, 132, P}}, kAuto, D::Fwd, 0, 15, 3},
             {"Malibu", "Малибу", B::Sedan, 2012, 2026, 13'000'000, {{1.5, 163, P}, {2.0, 250, P}, {2.4, 167, P}}, kAuto, D::Fwd, 0, 10, 5},
             {"Captiva", "Каптива", B::Crossover, 2008, 2018, 11'000'000, {{2.4, 167, P}, {2.2, 184, Di}}, kAuto, D::Awd, 0, 8, 3},
             {"Tahoe", "Тахо Тахое", B::Suv, 2008, 2026, 50'000'000, {{5.3, 355, P}, {6.2, 426, P, 2015}}, kAuto, D::Awd, 0, 5, 15},
             {"Camaro", "Камаро", B::Coupe, 2010, 2024, 30'000'000, {{2.0, 275, P}, {3.6, 335, P}, {6.2, 455, P}}, kAuto, D::Rwd, 0, 1, 5},
         }},
        {"Lada", "Лада ВАЗ", "XTA", 0.92,
         {
             {"Granta", "Гранта", B::Sedan, 2012, 2026, 5'200'000, {{1.6, 90, P}, {1.6, 106, P}}, {T::Manual, T::Robot, T::Automatic}, D::Fwd, 0, 40, 0},
             {"Vesta", "Веста", B::Sedan, 2016, 2026, 7'500'000, {{1.6, 106, P}, {1.8, 122, P}}, kCvtManual, D::Fwd, 0, 30, 0},
             {"Niva Legend", "Нива 4х4", B::Suv, 2006, 2026, 6'200'000, {{1.7, 83, P}}, {T::Manual}, D::Awd, 0, 20, 0},
             {"Largus", "Ларгус", B::Wagon, 2012, 2026, 6'500'000, {{1.6, 90, P}, {1.6, 106, P}}, {T::Manual}, D::Fwd, 0, 8, 0},
             {"Priora", "Приора", B::Sedan, 2007, 2018, 4'000'000, {{1.6, 98, P}}, {T::Manual}, D::Fwd, 0, 10, 0},
         }},
        {"Volkswagen", "Фольксваген", "WVW", 0.91,
         {
             {"Polo", "Поло", B::Sedan, 2011, 2026, 8'500'000, {{1.6, 110, P}, {1.4, 125, P, 2015}}, {T::Automatic, T::Manual, T::Robot}, D::Fwd, 0, 12, 3},
             {"Tiguan", "Тигуан", B::Crossover, 2010, 2026, 18'000'000, {{1.4, 150, P}, {2.0, 180, P}}, kRobot, D::Awd, 0, 8, 4},
             {"Passat", "Пассат", B::Sedan, 2008, 2022, 13'000'000, {{1.8, 152, P}, {2.0, 220, P}}, kRobot, D::Fwd, 0, 5, 2},
             {"Teramont", "Терамонт", B::Suv, 2018, 2026, 27'000'000, {{3.6, 280, P}, {2.0, 220, P}}, kAuto, D::Awd, 0, 3, 6},
         }},
        {"Skoda", "Шкода", "TMB", 0.92,
         {
             {"Octavia", "Октавия", B::Hatchback, 2010, 2026, 12'000'000, {{1.6, 110, P}, {1.4, 150, P, 2014}, {1.8, 180, P}}, {T::Automatic, T::Robot, T::Manual}, D::Fwd, 0, 10, 2},
             {"Rapid", "Рапид", B::Hatchback, 2014, 2022, 8'000'000, {{1.6, 110, P}}, kAutoManual, D::Fwd, 0, 10, 0},
             {"Kodiaq", "Кодиак", B::Crossover, 2017, 2026, 19'000'000, {{2.0, 180, P}, {1.4, 150, P}}, kRobot, D::Awd, 0, 5, 1},
         }},
        {"Nissan", "Ниссан", "JN1", 0.92,
         {
             {"Patrol", "Патрол", B::Suv, 2010, 2026, 42'000'000, {{5.6, 405, P}, {4.0, 275, P}}, kAuto, D::Awd, 0, 5, 30},
             {"X-Trail", "Икс Трейл Х-Трейл", B::Crossover, 2008, 2026, 16'000'000, {{2.0, 144, P}, {2.5, 171, P}}, kCvt, D::Fwd, 60, 10, 8},
             {"Qashqai", "Кашкай", B::Crossover, 2010, 2026, 13'000'000, {{2.0, 144, P}, {1.2, 115, P, 2015}}, kCvtManual, D::Fwd, 30, 8, 3},
             {"Sunny", "Санни", B::Sedan, 2011, 2026, 6'500'000, {{1.5, 99, P}}, {T::Cvt, T::Automatic}, D::Fwd, 0, 2, 25},
             {"Altima", "Альтима", B::Sedan, 2013, 2026, 13'000'000, {{2.5, 182, P}}, kCvt, D::Fwd, 0, 2, 10},
             {"Kicks", "Кикс", B::Crossover, 2017, 2026, 8'500'000, {{1.6, 118, P}}, kCvt, D::Fwd, 0, 1, 10},
         }},
        {"Mitsubishi", "Мицубиси Митсубиси", "JMB", 0.92,
         {
             {"Pajero", "Паджеро", B::Suv, 2007, 2021, 22'000'000, {{3.0, 178, P}, {3.8, 250, P}, {3.2, 190, Di}}, kAutoManual, D::Awd, 0, 8, 15},
             {"Pajero Sport", "Паджеро Спорт", B::Suv, 2016, 2026, 20'000'000, {{3.0, 209, P}, {2.4, 181, Di}}, kAuto, D::Awd, 0, 6, 8},
             {"Outlander", "Аутлендер", B::Crossover, 2008, 2026, 16'000'000, {{2.0, 146, P}, {2.4, 167, P}, {3.0, 227, P}}, kCvt, D::Fwd, 60, 8, 8},
             {"L200", "Л200", B::Pickup, 2008, 2026, 16'000'000, {{2.4, 181, Di}, {2.5, 136, Di}}, kManualAuto, D::Awd, 0, 5, 8},
             {"ASX", "АСХ", B::Crossover, 2011, 2022, 10'000'000, {{1.6, 117, P}, {2.0, 150, P}}, kCvtManual, D::Fwd, 20, 5, 3},
             {"Attrage", "Аттраж", B::Sedan, 2014, 2026, 5'500'000, {{1.2, 78, P}}, kCvt, D::Fwd, 0, 0, 10},
         }},
        {"Honda", "Хонда", "JHM", 0.93,
         {
             {"Civic", "Цивик", B::Sedan, 2008, 2026, 12'000'000, {{1.8, 140, P}, {2.0, 158, P, 2016}, {1.5, 182, P, 2016}}, kCvt, D::Fwd, 0, 5, 12},
             {"Accord", "Аккорд", B::Sedan, 2008, 2026, 17'000'000, {{2.4, 180, P}, {1.5, 190, P, 2018}, {2.0, 252, P, 2018}}, kAuto, D::Fwd, 0, 5, 10},
             {"CR-V", "СРВ ЦРВ", B::Crossover, 2008, 2026, 18'000'000, {{2.0, 150, P}, {2.4, 186, P}, {1.5, 190, P, 2017}}, kCvt, D::Awd, 0, 8, 10},
         }},
        {"Mercedes-Benz", "Мерседес Мерс", "WDD", 0.90,
         {
             {"E-Class", "Е-класс Ешка", B::Sedan, 2010, 2026, 35'000'000, {{2.0, 197, P}, {3.0, 333, P}, {2.0, 194, Di}}, kAuto, D::Rwd, 20, 8, 8},
             {"S-Class", "С-класс", B::Sedan, 2010, 2026, 60'000'000, {{3.0, 367, P}, {4.0, 503, P}}, kAuto, D::Rwd, 40, 2, 4},
             {"GLE", "ГЛЕ", B::Crossover, 2015, 2026, 45'000'000, {{3.0, 367, P}, {2.0, 258, P}}, kAuto, D::Awd, 0, 3, 5},
             {"G-Class", "Гелендваген Гелик", B::Suv, 2008, 2026, 95'000'000, {{5.5, 388, P}, {4.0, 585, P, 2018}}, kAuto, D::Awd, 0, 3, 6},
         }},
        {"BMW", "БМВ", "WBA", 0.89,
         {
             {"5 Series", "5 серии Пятерка", B::Sedan, 2010, 2026, 32'000'000, {{2.0, 252, P}, {3.0, 340, P}, {2.0, 190, Di}}, kAuto, D::Rwd, 30, 5, 6},
             {"X5", "Икс 5 Х5", B::Crossover, 2008, 2026, 45'000'000, {{3.0, 340, P}, {4.4, 530, P}, {3.0, 249, Di}}, kAuto, D::Awd, 0, 5, 8},
             {"X6", "Х6", B::Crossover, 2010, 2026, 50'000'000, {{3.0, 340, P}, {4.4, 530, P}}, kAuto, D::Awd, 0, 2, 4},
         }},
        {"Haval", "Хавал Хавейл", "LGW", 0.86,
         {
             {"Jolion", "Джолион", B::Crossover, 2021, 2026, 10'500'000, {{1.5, 150, P}}, kRobot, D::Fwd, 30, 15, 5},
             {"H6", "Н6 Аш6", B::Crossover, 2018, 2026, 13'000'000, {{1.5, 150, P}, {2.0, 190, P}}, kRobot, D::Fwd, 40, 10, 4},
             {"Dargo", "Дарго", B::Crossover, 2022, 2026, 14'000'000, {{2.0, 192, P}}, kRobot, D::Awd, 0, 8, 1},
         }},
        {"Chery", "Чери", "LVV", 0.85,
         {
             {"Tiggo 7 Pro", "Тигго 7", B::Crossover, 2020, 2026, 11'000'000, {{1.5, 147, P}}, kCvt, D::Fwd, 0, 12, 5},
             {"Tiggo 8 Pro", "Тигго 8", B::Crossover, 2021, 2026, 14'000'000, {{2.0, 197, P}, {1.6, 186, P}}, kRobot, D::Fwd, 30, 6, 4},
             {"Tiggo 4 Pro", "Тигго 4", B::Crossover, 2021, 2026, 8'500'000, {{1.5, 113, P}}, kCvtManual, D::Fwd, 0, 6, 2},
         }},
        {"Geely", "Джили Джелли", "L6T", 0.86,
         {
             {"Monjaro", "Монджаро", B::Crossover, 2022, 2026, 18'000'000, {{2.0, 238, P}}, kAuto, D::Awd, 0, 8, 3},
             {"Coolray", "Кулрей", B::Crossover, 2020, 2026, 10'000'000, {{1.5, 150, P}}, kRobot, D::Fwd, 0, 8, 4},
             {"Atlas Pro", "Атлас", B::Crossover, 2021, 2026, 12'000'000, {{1.5, 177, P}}, kRobot, D::Fwd, 40, 5, 1},
         }},
        {"JAC", "Джак", "LJ1", 0.84,
         {
             {"S3", "С3", B::Crossover, 2014, 2022, 6'500'000, {{1.6, 113, P}}, kCvtManual, D::Fwd, 0, 6, 0},
             {"JS4", "ДжС4", B::Crossover, 2021, 2026, 9'000'000, {{1.5, 150, P}}, kCvt, D::Fwd, 0, 5, 1},
             {"J7", "Джей7", B::Hatchback, 2020, 2026, 8'000'000, {{1.5, 136, P}}, kCvt, D::Fwd, 0, 6, 0},
             {"T8", "Т8", B::Pickup, 2019, 2026, 11'000'000, {{2.0, 136, Di}}, kManualAuto, D::Awd, 0, 3, 1},
         }},
        {"BYD", "БИД БЮД", "LGX", 0.84,
         {
             {"Song Plus", "Сонг", B::Crossover, 2021, 2026, 15'000'000, {{1.5, 218, Hy}, {0, 218, El}}, kAuto, D::Fwd, 0, 6, 2},
             {"Han", "Хан", B::Sedan, 2021, 2026, 18'000'000, {{0, 494, El}}, kAuto, D::Awd, 0, 3, 1},
         }},
        {"Zeekr", "Зикр Зекр", "L6T", 0.84,
         {
             {"001", "001", B::Wagon, 2021, 2026, 22'000'000, {{0, 544, El}}, kAuto, D::Awd, 0, 4, 1},
         }},
        {"GMC", "ДжиЭмСи", "1GK", 0.90,
         {
             {"Yukon", "Юкон", B::Suv, 2008, 2026, 52'000'000, {{5.3, 355, P}, {6.2, 420, P, 2015}}, kAuto, D::Awd, 0, 2, 18},
             {"Sierra", "Сиерра", B::Pickup, 2010, 2026, 40'000'000, {{5.3, 355, P}, {6.2, 420, P}}, kAuto, D::Awd, 0, 0, 8},
             {"Acadia", "Акадия", B::Crossover, 2017, 2026, 28'000'000, {{3.6, 310, P}, {2.5, 194, P}}, kAuto, D::Fwd, 50, 0, 5},
         }},
        {"Ford", "Форд", "1FM", 0.89,
         {
             {"Explorer", "Эксплорер", B::Suv, 2011, 2026, 30'000'000, {{3.5, 290, P}, {2.3, 280, P, 2016}}, kAuto, D::Awd, 0, 3, 10},
             {"F-150", "Ф-150", B::Pickup, 2010, 2026, 38'000'000, {{3.5, 375, P}, {5.0, 400, P}}, kAuto, D::Awd, 0, 1, 8},
             {"Mustang", "Мустанг", B::Coupe, 2012, 2026, 28'000'000, {{2.3, 310, P, 2015}, {5.0, 450, P}}, kAutoManual, D::Rwd, 0, 1, 6},
         }},
        {"Mazda", "Мазда", "JM3", 0.92,
         {
             {"CX-5", "СХ-5 ЦХ5", B::Crossover, 2012, 2026, 16'000'000, {{2.0, 150, P}, {2.5, 194, P}}, kAuto, D::Fwd, 50, 6, 8},
             {"6", "Мазда 6 Шестерка", B::Sedan, 2008, 2024, 13'000'000, {{2.0, 150, P}, {2.5, 192, P}}, kAuto, D::Fwd, 0, 5, 6},
             {"CX-9", "СХ-9", B::Crossover, 2016, 2023, 24'000'000, {{2.5, 231, P}}, kAuto, D::Awd, 0, 1, 4},
         }},
    };
    // clang-format on
    return makes;
}

const std::vector<CitySpec>& citySpecs()
{
    static const std::vector<CitySpec> cities = {
        {"Almaty", Country::KZ, 30},   {"Astana", Country::KZ, 22},         {"Shymkent", Country::KZ, 12},
        {"Karaganda", Country::KZ, 8}, {"Aktobe", Country::KZ, 6},          {"Atyrau", Country::KZ, 5},
        {"Pavlodar", Country::KZ, 5},  {"Ust-Kamenogorsk", Country::KZ, 5}, {"Kostanay", Country::KZ, 4},
        {"Taraz", Country::KZ, 4},     {"Manama", Country::BH, 35},         {"Muharraq", Country::BH, 15},
        {"Riffa", Country::BH, 18},    {"Isa Town", Country::BH, 10},       {"Hamad Town", Country::BH, 12},
        {"Sitra", Country::BH, 10},
    };
    return cities;
}

const std::vector<ColorSpec>& colorSpecs()
{
    static const std::vector<ColorSpec> colors = {
        {"white", 238, 239, 240, 25, 38}, {"black", 22, 23, 26, 20, 14}, {"silver", 178, 183, 189, 15, 14},
        {"grey", 96, 101, 108, 12, 9},    {"blue", 28, 64, 132, 6, 5},   {"red", 164, 22, 30, 5, 4},
        {"cherry", 96, 16, 32, 4, 1},     {"brown", 92, 62, 44, 3, 2},   {"beige", 196, 180, 148, 3, 6},
        {"green", 36, 84, 58, 2, 1},      {"gold", 176, 146, 88, 1, 3},
    };
    return colors;
}

const ColorSpec& colorByName(std::string_view name)
{
    for (const ColorSpec& c : colorSpecs())
        if (name == c.name) return c;
    return colorSpecs().front();
}

const std::vector<DealerSpec>& dealerSpecs()
{
    static const std::vector<DealerSpec> dealers = {
        {"Toyota Center Almaty", "Almaty"},
        {"Toyota Center Astana", "Astana"},
        {"Astana Motors", "Astana"},
        {"Astana Motors Almaty", "Almaty"},
        {"Mercur Auto", "Almaty"},
        {"Orbis Auto", "Almaty"},
        {"Allur Trade-in", "Astana"},
        {"Hyundai Shymkent", "Shymkent"},
        {"Автоцентр Караганда", "Karaganda"},
        {"Lada Center Aktobe", "Aktobe"},
        {"Atyrau Motors", "Atyrau"},
        {"Pavlodar Auto", "Pavlodar"},
        {"Вираж Авто", "Ust-Kamenogorsk"},
        {"Костанай Моторс", "Kostanay"},
        {"Taraz Auto Trade", "Taraz"},
        {"Chery Center Almaty", "Almaty"},
        {"Haval Astana", "Astana"},
        {"Автосалон Car City", "Almaty"},
        {"Shymkent Auto Plaza", "Shymkent"},
        {"Kia Qazaqstan Astana", "Astana"},
        {"Al Zayani Motors", "Manama"},
        {"Ebrahim K. Kanoo", "Manama"},
        {"Y.K. Almoayyed & Sons", "Manama"},
        {"Behbehani Brothers", "Manama"},
        {"Euro Motors", "Sitra"},
        {"National Motor Company", "Riffa"},
        {"Al Haddad Motors", "Muharraq"},
        {"Isa Town Auto Gallery", "Isa Town"},
        {"Hamad Town Cars", "Hamad Town"},
    };
    return dealers;
}

const NameParts& kazakhNames()
{
    static const NameParts n = {
        {"Ерлан",  "Нурлан", "Асхат",  "Даурен", "Бауыржан", "Ержан", "Айдос",     "Канат",   "Серик",  "Марат",
         "Азамат", "Арман",  "Жандос", "Тимур",  "Руслан",   "Алмас", "Нұрсұлтан", "Ақылбек", "Дәулет", "Ғалым"},
        {"Айгерим", "Динара", "Жанар", "Гульнара", "Салтанат", "Асель", "Мадина", "Айжан", "Алия", "Камила", "Әсем",
         "Ұлжан", "Гүлнұр", "Жұлдыз"},
        {"Сапаров", "Нурланов", "Ахметов", "Жумабаев", "Омаров", "Серикбаев", "Исмаилов", "Касымов", "Тулегенов",
         "Абенов", "Бекмуханов", "Мусин", "Кенжебаев", "Есенов", "Байжанов", "Толеубаев"},
        {"Қасым", "Нұрлан"},
    };
    return n;
}

const NameParts& russianNames()
{
    static const NameParts n = {
        {"Дмитрий", "Алексей", "Сергей", "Андрей", "Игорь", "Владимир", "Евгений", "Николай", "Павел", "Виктор",
         "Максим", "Олег"},
        {"Ольга", "Наталья", "Елена", "Татьяна", "Ирина", "Юлия", "Светлана", "Анна", "Марина"},
        {"Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Морозов", "Волков", "Федоров",
         "Козлов", "Лебедев"},
        {"Ким", "Пак", "Цой", "Ли", "Шевченко", "Бондаренко"},
    };
    return n;
}

const NameParts& bahrainiNames()
{
    static const NameParts n = {
        {"Ahmed", "Mohammed", "Ali", "Hussain", "Abdulla", "Khalid", "Yousif", "Ebrahim", "Jassim", "Hamad", "Salman",
         "Faisal", "Rashid", "Nasser", "Rajesh", "Arun", "Joseph"},
        {"Fatima", "Maryam", "Noora", "Zainab", "Aisha", "Layla", "Huda", "Sara", "Priya"},
        {},
        {"Al-Mahmood", "Al-Doseri", "Al-Zayani", "Al-Mannai", "Al-Sayed", "Al-Kooheji", "Al-Jalahma", "Al-Hashimi",
         "Al-Ansari", "Al-Shehabi", "Fakhro", "Kanoo", "Al-Qassab", "Bucheeri", "Al-Awadhi", "Al-Khalifa", "Kumar",
         "Nair", "Thomas"},
    };
    return n;
}

} // namespace dongelek::server::demo
