//! Presentation: Markdown for the terminal, width-aware text alignment, and
//! user text made safe to print ([`visible()`]).

pub mod terminal;
pub mod visible;
pub mod width;

pub use visible::visible;

/// `0.0069` days → `10m`, `1.0` → `1d`, `45` → `1.5mo`.
pub fn interval(days: f64) -> String {
    let minutes = days * 1440.0;
    if minutes < 60.0 {
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
    fn intervals_read_like_anki() {
        assert_eq!(super::interval(10.0 / 1440.0), "10m");
        assert_eq!(super::interval(0.5), "12h");
        assert_eq!(super::interval(3.2), "3d");
        assert_eq!(super::interval(45.0), "1.5mo");
        assert_eq!(super::interval(730.0), "2.0y");
    }
}
