//! The interface's words, one file per language in `locales/` (Swedish is the default). The
//! data itself stays Swedish. `build.rs` turns the files into the `i18n` module through
//! leptos_i18n: a key the code uses that sv.json lacks is a compile error, and
//! `tests/locales.rs` holds every other file to sv.json's keys.
//!
//! The language is the app's own: the stored preference, else Swedish (see `app::Shell`). No
//! cookie, header or browser setting decides it, so a page rendered ahead of time and its
//! hydration agree, and the visitor's choice applies after. That is why the texts are read
//! with the crate's `td_string!` and the app's `Lang`, not through its `I18nContext`, which
//! starts from a cookie, `Accept-Language` or `navigator.languages`.

use leptos::prelude::*;
use loften_core::dates::{CadenceSpan, Ends};
use loften_core::model::Cadence;
use loften_core::views::Status;

/// What leptos_i18n generates from `locales/` (see build.rs): its `i18n` module.
pub mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}

pub use generated::i18n::Locale as Lang;
pub use leptos_i18n::td_string;

/// A language's code, as stored in the preferences and put on `<html lang>`.
pub fn code(lang: Lang) -> &'static str {
    leptos_i18n::Locale::as_str(lang)
}

/// The language with this code, if the app has it.
pub fn from_code(code: &str) -> Option<Lang> {
    <Lang as leptos_i18n::Locale>::get_all()
        .iter()
        .copied()
        .find(|lang| leptos_i18n::Locale::as_str(*lang) == code)
}

/// The language the switch offers: the next in the build's list, round to the first.
pub fn next(lang: Lang) -> Lang {
    let all = <Lang as leptos_i18n::Locale>::get_all();
    let at = all.iter().position(|l| *l == lang).unwrap_or(0);
    all[(at + 1) % all.len()]
}

/// A date written out: "21 januari 2016".
pub fn date(lang: Lang, day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let month = match day.month() {
        1 => td_string!(lang, month_1),
        2 => td_string!(lang, month_2),
        3 => td_string!(lang, month_3),
        4 => td_string!(lang, month_4),
        5 => td_string!(lang, month_5),
        6 => td_string!(lang, month_6),
        7 => td_string!(lang, month_7),
        8 => td_string!(lang, month_8),
        9 => td_string!(lang, month_9),
        10 => td_string!(lang, month_10),
        11 => td_string!(lang, month_11),
        _ => td_string!(lang, month_12),
    };
    td_string!(
        lang,
        date,
        day = day.day(),
        month = month,
        year = day.year()
    )
    .to_string()
}

/// "30 juni 2020", or "under 2027" when only the year is known.
pub fn ends_text(lang: Lang, ends: Ends) -> String {
    match ends {
        Ends::On(day) => date(lang, day),
        Ends::InYear(year) => td_string!(lang, ends_in_year, year = year).to_string(),
    }
}

/// "tertial 3 2026, som slutar 31 december 2026".
pub fn span_text(lang: Lang, span: CadenceSpan) -> String {
    let (number, year) = (span.number, span.year);
    let which = match span.cadence {
        Cadence::Tertial => {
            td_string!(lang, span_tertial, number = number, year = year).to_string()
        }
        Cadence::Kvartal => {
            td_string!(lang, span_kvartal, number = number, year = year).to_string()
        }
        Cadence::Ar => td_string!(lang, span_year, year = year).to_string(),
    };
    let last_day = date(lang, span.last_day);
    td_string!(lang, span_ending, span = which, date = last_day).to_string()
}

pub fn status(lang: Lang, status: Status) -> &'static str {
    match status {
        Status::Ongoing => td_string!(lang, status_ongoing),
        Status::Ended => td_string!(lang, status_ended),
        Status::Upcoming => td_string!(lang, status_upcoming),
    }
}

/// A follow-up status's label ("Genomförd"), in the words `loften_core::followups` gives the
/// data's statuses in both languages.
pub fn progress(lang: Lang, progress: loften_core::Progress) -> &'static str {
    match lang {
        Lang::sv => progress.label_sv(),
        _ => progress.label_en(),
    }
}

/// An option of the status filter: a status, or "Ingen uppföljning publicerad".
pub fn status_filter(lang: Lang, status: loften_core::StatusFilter) -> &'static str {
    use loften_core::followups::{NOT_FOLLOWED_UP_EN, NOT_FOLLOWED_UP_SV};
    match (status, lang) {
        (loften_core::StatusFilter::Reported(p), _) => progress(lang, p),
        (loften_core::StatusFilter::NotFollowedUp, Lang::sv) => NOT_FOLLOWED_UP_SV,
        (loften_core::StatusFilter::NotFollowedUp, _) => NOT_FOLLOWED_UP_EN,
    }
}

/// The span a follow-up report covers, as reports name it: "tertial 3 2018", "2021", or its
/// first and last days.
pub fn period_name(lang: Lang, name: loften_core::followups::PeriodName) -> String {
    use loften_core::followups::PeriodName;
    match name {
        PeriodName::Tertial(number, year) => {
            td_string!(lang, span_tertial, number = number, year = year).to_string()
        }
        PeriodName::Quarter(number, year) => {
            td_string!(lang, span_kvartal, number = number, year = year).to_string()
        }
        PeriodName::Half(number, year) => {
            td_string!(lang, span_half, number = number, year = year).to_string()
        }
        PeriodName::Year(year) => year.to_string(),
        PeriodName::Days(first, last) => format!("{}–{}", date(lang, first), date(lang, last)),
    }
}

pub fn actor(lang: Lang, actor: loften_core::ActorFilter) -> &'static str {
    match actor {
        loften_core::ActorFilter::Polisen => td_string!(lang, actor_polisen),
        loften_core::ActorFilter::Kommunen => td_string!(lang, actor_kommunen),
        loften_core::ActorFilter::Gemensamt => td_string!(lang, actor_gemensamt),
    }
}

/// "3 medborgarlöften, 12 träffar bland löften och aktiviteter" for the live region.
pub fn result_summary(lang: Lang, agreements: usize, records: usize) -> String {
    let agreements = td_string!(lang, result_agreements, count = agreements).to_string();
    if records == 0 {
        return agreements;
    }
    let records = td_string!(lang, result_records, count = records).to_string();
    td_string!(
        lang,
        result_summary,
        agreements = agreements,
        records = records
    )
    .to_string()
}

/// "4 träffar till i det här medborgarlöftet", under a result folded to its first matches.
pub fn more_matches(lang: Lang, count: usize) -> String {
    td_string!(lang, more_matches, count = count).to_string()
}

/// A size of data as people read it: "35 kB", "13,3 MB" (a comma in Swedish).
pub fn data_size(lang: Lang, bytes: u64) -> String {
    if bytes < 1_000_000 {
        return format!("{} kB", bytes.div_ceil(1_000));
    }
    // In tenths, by integers: formatting a float would add its whole machinery to the wasm.
    let tenths = (bytes + 50_000) / 100_000;
    let point = if lang == Lang::sv { ',' } else { '.' };
    format!("{}{point}{} MB", tenths / 10, tenths % 10)
}

/// A topic's name in the interface language.
/// data/topics.json names each topic in Swedish and English; other languages get the English.
pub fn topic_name(topic: &loften_core::Topic, lang: Lang) -> String {
    match lang {
        Lang::sv => topic.sv.clone(),
        _ => topic.en.clone(),
    }
}

/// The interface's language for the whole app, from context (`app::Shell` provides it).
#[derive(Clone, Copy)]
pub struct LangContext {
    /// The language the app shows.
    pub lang: Signal<Lang>,
    /// Makes a language the one the app shows (the preference is its source).
    choose: Callback<Lang>,
    /// Whether the language switch made the last change, so that the page rebuilt in the new
    /// language gives the keyboard's focus back to the switch (the old one went with the old
    /// page).
    switched_here: StoredValue<bool>,
}

impl LangContext {
    pub fn new(lang: Signal<Lang>, choose: Callback<Lang>) -> LangContext {
        LangContext {
            lang,
            choose,
            switched_here: StoredValue::new(false),
        }
    }

    /// The language switch chose `lang`.
    pub fn switch_to(&self, lang: Lang) {
        self.switched_here.set_value(true);
        self.choose.run(lang);
    }

    /// Whether the switch made the change the page was rebuilt for; asking answers once.
    pub fn take_switched_here(&self) -> bool {
        self.switched_here
            .try_update_value(std::mem::take)
            .unwrap_or_default()
    }
}

/// The interface's language, from context.
pub fn use_lang() -> LangContext {
    expect_context::<LangContext>()
}

/// The language the page is drawn in, read once: switching language rebuilds the page (see
/// `app::Shell`), so the hundreds of labels need not each be reactive.
pub fn page_lang() -> Lang {
    use_lang().lang.get_untracked()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_sizes_read_as_people_write_them() {
        assert_eq!(data_size(Lang::sv, 34_444), "35 kB");
        assert_eq!(data_size(Lang::sv, 1), "1 kB");
        assert_eq!(data_size(Lang::sv, 13_300_000), "13,3 MB");
        assert_eq!(data_size(Lang::en, 13_300_000), "13.3 MB");
    }
}
