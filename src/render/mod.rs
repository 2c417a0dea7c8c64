//! Presentation: Markdown for the terminal, width-aware text alignment, and
//! user text made safe to print ([`visible()`]).

pub mod terminal;
pub mod visible;
pub mod width;

pub use visible::visible;

/// `1 card`, `2 cards`: a count with its noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `0.0069` days → `10m`, `1.0` → `1d`, `45` → `1.5mo`: compact, the
/// same in every language (tables, JSON).
pub fn interval(days: f64) -> String {
    let (n, unit) = interval_parts(days);
    format!("{n}{}", unit.suffix())
}

/// [`interval`] for people, in the current language: `10m`, `3d` in
/// English, `10분`, `3일` in Korean.
pub fn interval_words(days: f64) -> String {
    let (n, unit) = interval_parts(days);
    match unit {
        Unit::Minutes => crate::tr!("render-interval-minutes", n = n),
        Unit::Hours => crate::tr!("render-interval-hours", n = n),
        Unit::Days => crate::tr!("render-interval-days", n = n),
        Unit::Months => crate::tr!("render-interval-months", n = n),
        Unit::Years => crate::tr!("render-interval-years", n = n),
    }
}

#[derive(Debug, Clone, Copy)]
enum Unit {
    Minutes,
    Hours,
    Days,
    Months,
    Years,
}

impl Unit {
    fn suffix(self) -> &'static str {
        match self {
            Unit::Minutes => "m",
            Unit::Hours => "h",
            Unit::Days => "d",
            Unit::Months => "mo",
            Unit::Years => "y",
        }
    }
}

/// The number (as it is printed) and the unit of an interval.
fn interval_parts(days: f64) -> (String, Unit) {
    let minutes = days * 1440.0;
    // A step of whole minutes reads as such; Hard on the first of `1m 10m`
    // waits 5.5 and says so, rather than a minute it does not wait.
    let tenths = (minutes * 10.0).round() / 10.0;
    if minutes < 10.0 && tenths.fract() != 0.0 && tenths >= 1.0 {
        (format!("{tenths:.1}"), Unit::Minutes)
    } else if minutes < 60.0 {
        (format!("{}", minutes.round().max(1.0)), Unit::Minutes)
    } else if days < 1.0 {
        (format!("{}", (minutes / 60.0).round()), Unit::Hours)
    } else if days < 30.0 {
        (format!("{}", days.round()), Unit::Days)
    } else if days < 365.0 {
        (format!("{:.1}", days / 30.0), Unit::Months)
    } else {
        (format!("{:.1}", days / 365.0), Unit::Years)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_name_one_in_the_singular() {
        assert_eq!(super::count(1, "card", "cards"), "1 card");
        assert_eq!(super::count(0, "card", "cards"), "0 cards");
        assert_eq!(super::count(2, "file", "files"), "2 files");
    }

    #[test]
    fn intervals_read_like_anki() {
        assert_eq!(super::interval(10.0 / 1440.0), "10m");
        assert_eq!(super::interval(5.5 / 1440.0), "5.5m");
        assert_eq!(super::interval(5.0 / 1440.0), "5m");
        assert_eq!(super::interval(0.2 / 1440.0), "1m");
        assert_eq!(super::interval(0.5), "12h");
        assert_eq!(super::interval(3.2), "3d");
        assert_eq!(super::interval(45.0), "1.5mo");
        assert_eq!(super::interval(730.0), "2.0y");
    }

    #[test]
    fn intervals_for_people_speak_the_language() {
        use crate::i18n::{Lang, with_lang};
        assert_eq!(with_lang(Lang::En, || super::interval_words(3.2)), "3d");
        assert_eq!(with_lang(Lang::Ko, || super::interval_words(3.2)), "3일");
        assert_eq!(
            with_lang(Lang::Ko, || super::interval_words(5.5 / 1440.0)),
            "5.5분"
        );
        assert_eq!(
            with_lang(Lang::Ko, || super::interval_words(45.0)),
            "1.5개월"
        );
        assert_eq!(with_lang(Lang::Ko, || super::interval_words(0.5)), "12시간");
        assert_eq!(
            with_lang(Lang::Ko, || super::interval_words(730.0)),
            "2.0년"
        );
    }
}
