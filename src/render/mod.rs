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

/// `0.0069` days → `10m`, `1.0` → `1d`, `45` → `1.5mo`.
pub fn interval(days: f64) -> String {
    let minutes = days * 1440.0;
    // A step of whole minutes reads as such; Hard on the first of `1m 10m`
    // waits 5.5 and says so, rather than a minute it does not wait.
    let tenths = (minutes * 10.0).round() / 10.0;
    if minutes < 10.0 && tenths.fract() != 0.0 && tenths >= 1.0 {
        format!("{tenths:.1}m")
    } else if minutes < 60.0 {
        format!("{}m", minutes.round().max(1.0))
    } else if days < 1.0 {
        format!("{}h", (minutes / 60.0).round())
    } else if days < 30.0 {
        format!("{}d", days.round())
    } else if days < 365.0 {
        format!("{:.1}mo", days / 30.0)
    } else {
        format!("{:.1}y", days / 365.0)
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
}
