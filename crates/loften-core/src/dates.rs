//! Dates as residents read them: the first and last day a period covers, when an agreement
//! ends, which span of its follow-up cadence a day falls in, and a date written out in
//! Swedish ("21 januari 2016") or English ("21 January 2016").

use chrono::{Datelike, Months, NaiveDate};

use crate::model::{Cadence, Period};

/// A date as the data writes it, "2016-01-21": exactly four, two and two digits.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    shaped
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
}

/// The months in Swedish, January first: for writing dates out, and for reading them in texts.
pub const SWEDISH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// "21 januari 2016". chrono's own month names are English only (without its unstable
/// locales, which bring every locale's tables).
pub fn long_sv(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        SWEDISH_MONTHS[date.month0() as usize],
        date.year()
    )
}

/// "21 January 2016".
pub fn long_en(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// When an agreement ends, as exactly as its source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    On(NaiveDate),
    /// Only the year is known.
    InYear(i32),
}

impl Period {
    /// Its exact start, or else 1 January of its first year.
    pub fn first_day(&self) -> NaiveDate {
        self.start
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(self.from, 1, 1).unwrap_or(NaiveDate::MIN))
    }

    /// Its exact end, or else 31 December of its last year.
    pub fn last_day(&self) -> NaiveDate {
        self.end
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(self.to, 12, 31).unwrap_or(NaiveDate::MAX))
    }

    pub fn ends(&self) -> Ends {
        self.end.map_or(Ends::InYear(self.to), Ends::On)
    }
}

/// One span of a follow-up cadence: tertial 1–3 (four months each) or kvartal 1–4 of a
/// year, or the year itself (number 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CadenceSpan {
    pub cadence: Cadence,
    pub number: u32,
    pub year: i32,
    /// Its follow-up is due once this day is over.
    pub last_day: NaiveDate,
}

/// The span of `cadence` that `day` falls in.
pub fn cadence_span(cadence: Cadence, day: NaiveDate) -> CadenceSpan {
    let months = match cadence {
        Cadence::Tertial => 4,
        Cadence::Kvartal => 3,
        Cadence::Ar => 12,
    };
    let number = day.month0() / months + 1;
    let last_month_start = NaiveDate::from_ymd_opt(day.year(), (number - 1) * months + 1, 1)
        .and_then(|first| first.checked_add_months(Months::new(months)))
        .and_then(|next| next.pred_opt());
    CadenceSpan {
        cadence,
        number,
        year: day.year(),
        last_day: last_month_start.unwrap_or(NaiveDate::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        parse_iso_date(text).unwrap()
    }

    #[test]
    fn iso_dates_must_exist_and_have_the_data_s_shape() {
        assert_eq!(
            parse_iso_date("2016-01-21"),
            NaiveDate::from_ymd_opt(2016, 1, 21)
        );
        assert!(parse_iso_date("2024-02-29").is_some());
        for bad in [
            "2023-02-29",
            "2017-02-30",
            "2016-13-01",
            "2016-1-21",
            "+2016-01-2",
            "15 februari 2017",
            "2016-01-21T00:00",
            "",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_written_out_in_swedish_and_english() {
        assert_eq!(long_sv(day("2016-01-21")), "21 januari 2016");
        assert_eq!(long_sv(day("2020-06-30")), "30 juni 2020");
        assert_eq!(long_en(day("2016-01-21")), "21 January 2016");
        assert_eq!(long_en(day("2018-07-01")), "1 July 2018");
    }

    #[test]
    fn cadence_spans_end_on_the_last_day_of_their_months() {
        let span = |c, d| {
            let s = cadence_span(c, day(d));
            (s.number, s.year, s.last_day)
        };
        assert_eq!(
            span(Cadence::Tertial, "2026-01-01"),
            (1, 2026, day("2026-04-30"))
        );
        assert_eq!(
            span(Cadence::Tertial, "2026-05-01"),
            (2, 2026, day("2026-08-31"))
        );
        assert_eq!(
            span(Cadence::Tertial, "2026-11-26"),
            (3, 2026, day("2026-12-31"))
        );
        assert_eq!(
            span(Cadence::Kvartal, "2024-02-10"),
            (1, 2024, day("2024-03-31"))
        );
        assert_eq!(
            span(Cadence::Kvartal, "2026-06-30"),
            (2, 2026, day("2026-06-30"))
        );
        assert_eq!(
            span(Cadence::Kvartal, "2026-07-01"),
            (3, 2026, day("2026-09-30"))
        );
        assert_eq!(
            span(Cadence::Ar, "2026-03-01"),
            (1, 2026, day("2026-12-31"))
        );
    }

    #[test]
    fn a_period_s_days_and_end() {
        let whole_years = Period {
            from: 2020,
            to: 2022,
            start: None,
            end: None,
        };
        assert_eq!(whole_years.first_day(), day("2020-01-01"));
        assert_eq!(whole_years.last_day(), day("2022-12-31"));
        assert_eq!(whole_years.ends(), Ends::InYear(2022));
        let mid_year = Period {
            from: 2018,
            to: 2020,
            start: Some(day("2018-07-01")),
            end: Some(day("2020-06-30")),
        };
        assert_eq!(mid_year.first_day(), day("2018-07-01"));
        assert_eq!(mid_year.ends(), Ends::On(day("2020-06-30")));
    }
}
