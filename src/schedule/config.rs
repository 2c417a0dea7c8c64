//! Scheduling settings as `key = value` text, the form they are stored in and
//! typed on the command line (`synack config set learning_steps "1m 10m"`).

use std::collections::{BTreeMap, HashMap};

use super::Settings;
use super::queue::{Allowance, Remaining};

/// Daily limits, beside the scheduling settings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Limits {
    pub new_per_day: u32,
    pub reviews_per_day: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            new_per_day: 20,
            reviews_per_day: 200,
        }
    }
}

/// A deck's own daily limits; `None` leaves only the global one.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct DeckLimits {
    pub new_per_day: Option<u32>,
    pub reviews_per_day: Option<u32>,
}

/// One session's replacements for the daily limits (`synack quiz --new N
/// --limit N`): they stand in for both the global and the deck limits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SessionLimits {
    pub new: Option<usize>,
    pub reviews: Option<usize>,
}

/// Cards answered today in one deck, as counted against the limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoneToday {
    pub deck: String,
    pub new: usize,
    pub reviews: usize,
}

/// Everything `synack config` manages.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Config {
    pub settings: Settings,
    pub limits: Limits,
    /// Limits of single decks, stored as `new_per_day@DECK`; both these and
    /// the global limits apply.
    pub deck_limits: BTreeMap<String, DeckLimits>,
    /// Suspend a card when it becomes a leech (it is always tagged `leech`).
    pub leech_suspend: bool,
    /// Studying toward this day (YYYY-MM-DD): the queue orders reviews by
    /// predicted recall on it and pulls weak cards forward, until it comes.
    pub exam_date: Option<String>,
    /// The language of messages, `ko` or `en`; `None` follows the
    /// environment (`LC_ALL`, `LC_MESSAGES`, `LANG`). See [`crate::i18n`].
    pub language: Option<String>,
}

/// Every key, in `synack config` order; [`key_about`] says what each means.
pub const KEYS: &[&str] = &[
    "desired_retention",
    "max_interval",
    "learning_steps",
    "relearning_steps",
    "new_per_day",
    "reviews_per_day",
    "rollover_hour",
    "fuzz",
    "leech_threshold",
    "leech_suspend",
    "parameters",
    "exam_date",
    "language",
];

/// What a key of [`KEYS`] means, in the current language.
pub fn key_about(key: &str) -> String {
    match key {
        "desired_retention" => crate::tr!("schedule-key-desired-retention"),
        "max_interval" => crate::tr!("schedule-key-max-interval"),
        "learning_steps" => crate::tr!("schedule-key-learning-steps"),
        "relearning_steps" => crate::tr!("schedule-key-relearning-steps"),
        "new_per_day" => crate::tr!("schedule-key-new-per-day"),
        "reviews_per_day" => crate::tr!("schedule-key-reviews-per-day"),
        "rollover_hour" => crate::tr!("schedule-key-rollover-hour"),
        "fuzz" => crate::tr!("schedule-key-fuzz"),
        "leech_threshold" => crate::tr!("schedule-key-leech-threshold"),
        "leech_suspend" => crate::tr!("schedule-key-leech-suspend"),
        "parameters" => crate::tr!("schedule-key-parameters"),
        "exam_date" => crate::tr!("schedule-key-exam-date"),
        "language" => crate::tr!("config-language"),
        _ => String::new(),
    }
}

/// A key or value `synack config` cannot take.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}", crate::tr!("schedule-unknown-key", key = format!("{:?}", .0)))]
    UnknownKey(String),
    #[error("{}", crate::tr!("schedule-not-per-deck", key = format!("{:?}", .0)))]
    NotPerDeck(String),
    #[error("{}", crate::tr!(
        "schedule-bad-value",
        key = key.as_str(),
        value = format!("{value:?}"),
        why = why.as_str()
    ))]
    BadValue {
        key: String,
        value: String,
        why: String,
    },
}

impl Config {
    /// Applies stored `(key, value)` pairs over the defaults.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Config, ConfigError> {
        let mut config = Config::default();
        for (k, v) in pairs {
            config.set(k, v)?;
        }
        Ok(config)
    }

    /// Sets one key from text, checking it. `KEY@DECK` sets a deck's limit.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        let bad = |why: &str| ConfigError::BadValue {
            key: key.to_string(),
            value: value.to_string(),
            why: why.to_string(),
        };
        let v = value.trim();
        if let Some((name, deck)) = key.split_once('@') {
            if !matches!(name, "new_per_day" | "reviews_per_day") {
                return Err(ConfigError::NotPerDeck(name.to_string()));
            }
            let n = Some(whole(v).map_err(|e| bad(&e))?);
            let limits = self.deck_limits.entry(deck.to_string()).or_default();
            if name == "new_per_day" {
                limits.new_per_day = n;
            } else {
                limits.reviews_per_day = n;
            }
            return Ok(());
        }
        let s = &mut self.settings;
        match key {
            "desired_retention" => {
                let r: f32 = v
                    .parse()
                    .map_err(|_| bad(&crate::tr!("schedule-want-retention")))?;
                if !(0.70..=0.97).contains(&r) {
                    return Err(bad(&crate::tr!("schedule-want-retention-range")));
                }
                s.desired_retention = r;
            }
            "max_interval" => s.max_interval = positive(v).map_err(|e| bad(&e))?,
            "learning_steps" => s.learning_steps = parse_steps(v).map_err(|e| bad(&e))?,
            "relearning_steps" => s.relearning_steps = parse_steps(v).map_err(|e| bad(&e))?,
            "new_per_day" => self.limits.new_per_day = whole(v).map_err(|e| bad(&e))?,
            "reviews_per_day" => self.limits.reviews_per_day = whole(v).map_err(|e| bad(&e))?,
            "rollover_hour" => {
                let h = whole(v).map_err(|e| bad(&e))?;
                if h > 23 {
                    return Err(bad(&crate::tr!("schedule-want-hour")));
                }
                s.rollover_hour = h;
            }
            "fuzz" => s.fuzz = boolean(v).map_err(|e| bad(&e))?,
            "leech_threshold" => s.leech_threshold = positive(v).map_err(|e| bad(&e))?,
            "leech_suspend" => self.leech_suspend = boolean(v).map_err(|e| bad(&e))?,
            "language" => {
                let v = v.trim();
                self.language = if v.is_empty() || v.eq_ignore_ascii_case("auto") {
                    None
                } else {
                    let lang = crate::i18n::Lang::parse(v)
                        .filter(|_| v.len() == 2)
                        .ok_or_else(|| bad(&crate::tr!("config-language-bad")))?;
                    Some(lang.code().to_string())
                };
            }
            "exam_date" if v.is_empty() => self.exam_date = None,
            "exam_date" => {
                let d = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .map_err(|_| bad(&crate::tr!("schedule-want-date")))?;
                self.exam_date = Some(d.format("%Y-%m-%d").to_string());
            }
            "parameters" => {
                let p: Result<Vec<f32>, _> =
                    v.split(',').map(|x| x.trim().parse::<f32>()).collect();
                let p = p.map_err(|_| bad(&crate::tr!("schedule-want-parameters")))?;
                if p.len() != 21 || p.iter().any(|x| !x.is_finite()) {
                    return Err(bad(&crate::tr!("schedule-want-parameters")));
                }
                s.parameters = p;
            }
            _ => return Err(ConfigError::UnknownKey(key.to_string())),
        }
        Ok(())
    }

    /// Forgets a deck's own limit (`KEY@DECK`), leaving the global one.
    /// Returns whether there was one.
    pub fn unset_deck_limit(&mut self, key: &str) -> Result<bool, ConfigError> {
        let Some((name, deck)) = key.split_once('@') else {
            return Err(ConfigError::NotPerDeck(key.to_string()));
        };
        let Some(limits) = self.deck_limits.get_mut(deck) else {
            return Ok(false);
        };
        let slot = match name {
            "new_per_day" => &mut limits.new_per_day,
            "reviews_per_day" => &mut limits.reviews_per_day,
            _ => return Err(ConfigError::NotPerDeck(name.to_string())),
        };
        let had = slot.take().is_some();
        if *limits == DeckLimits::default() {
            self.deck_limits.remove(deck);
        }
        Ok(had)
    }

    /// Every deck limit as `(KEY@DECK, value)`, in deck order.
    pub fn deck_limit_pairs(&self) -> Vec<(String, u32)> {
        let mut out = Vec::new();
        for (deck, l) in &self.deck_limits {
            if let Some(n) = l.new_per_day {
                out.push((format!("new_per_day@{deck}"), n));
            }
            if let Some(n) = l.reviews_per_day {
                out.push((format!("reviews_per_day@{deck}"), n));
            }
        }
        out
    }

    /// What today still allows, given what was answered today in each deck
    /// and any one-session overrides (which replace global and deck limits).
    pub fn allowance(&self, done: &[DoneToday], session: SessionLimits) -> Allowance {
        let new_done: usize = done.iter().map(|d| d.new).sum();
        let reviews_done: usize = done.iter().map(|d| d.reviews).sum();
        let total = Remaining {
            new: session
                .new
                .unwrap_or((self.limits.new_per_day as usize).saturating_sub(new_done)),
            reviews: session
                .reviews
                .unwrap_or((self.limits.reviews_per_day as usize).saturating_sub(reviews_done)),
        };
        let mut per_deck = HashMap::new();
        for (deck, l) in &self.deck_limits {
            let today = done.iter().find(|d| &d.deck == deck);
            let left = |limit: Option<u32>, overridden: bool, used: usize| match limit {
                Some(n) if !overridden => (n as usize).saturating_sub(used),
                _ => usize::MAX,
            };
            per_deck.insert(
                deck.clone(),
                Remaining {
                    new: left(
                        l.new_per_day,
                        session.new.is_some(),
                        today.map_or(0, |d| d.new),
                    ),
                    reviews: left(
                        l.reviews_per_day,
                        session.reviews.is_some(),
                        today.map_or(0, |d| d.reviews),
                    ),
                },
            );
        }
        Allowance { total, per_deck }
    }

    /// The current value of `key` as text, in the form `set` accepts. For
    /// `KEY@DECK`, the deck's own limit, or the global one if it has none.
    pub fn get(&self, key: &str) -> Result<String, ConfigError> {
        if let Some((name, deck)) = key.split_once('@') {
            let l = self.deck_limits.get(deck);
            return match name {
                "new_per_day" => Ok(l
                    .and_then(|l| l.new_per_day)
                    .unwrap_or(self.limits.new_per_day)
                    .to_string()),
                "reviews_per_day" => Ok(l
                    .and_then(|l| l.reviews_per_day)
                    .unwrap_or(self.limits.reviews_per_day)
                    .to_string()),
                _ => Err(ConfigError::NotPerDeck(name.to_string())),
            };
        }
        let s = &self.settings;
        Ok(match key {
            "desired_retention" => s.desired_retention.to_string(),
            "max_interval" => s.max_interval.to_string(),
            "learning_steps" => format_steps(&s.learning_steps),
            "relearning_steps" => format_steps(&s.relearning_steps),
            "new_per_day" => self.limits.new_per_day.to_string(),
            "reviews_per_day" => self.limits.reviews_per_day.to_string(),
            "rollover_hour" => s.rollover_hour.to_string(),
            "fuzz" => s.fuzz.to_string(),
            "leech_threshold" => s.leech_threshold.to_string(),
            "leech_suspend" => self.leech_suspend.to_string(),
            "exam_date" => self.exam_date.clone().unwrap_or_default(),
            "language" => self.language.clone().unwrap_or_else(|| "auto".into()),
            "parameters" => s
                .parameters
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join(","),
            _ => return Err(ConfigError::UnknownKey(key.to_string())),
        })
    }
}

fn whole(v: &str) -> Result<u32, String> {
    v.parse().map_err(|_| crate::tr!("schedule-want-whole"))
}

fn positive(v: &str) -> Result<u32, String> {
    match whole(v)? {
        0 => Err(crate::tr!("schedule-want-positive")),
        n => Ok(n),
    }
}

fn boolean(v: &str) -> Result<bool, String> {
    match v.to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        _ => Err(crate::tr!("schedule-want-bool")),
    }
}

/// `"1m 10m 1h 1d"` → minutes. Empty text means no steps.
pub fn parse_steps(text: &str) -> Result<Vec<u32>, String> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(|t| {
            let (num, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
            let n: u32 = num
                .parse()
                .map_err(|_| crate::tr!("schedule-bad-step", step = format!("{t:?}")))?;
            let minutes = match unit {
                "" | "m" => n,
                "h" => n * 60,
                "d" => n * 1440,
                "s" => n.div_ceil(60),
                _ => {
                    return Err(crate::tr!(
                        "schedule-bad-step-unit",
                        step = format!("{t:?}")
                    ));
                }
            };
            if minutes == 0 {
                return Err(crate::tr!(
                    "schedule-step-too-short",
                    step = format!("{t:?}")
                ));
            }
            Ok(minutes)
        })
        .collect()
}

/// Minutes → `"1m 10m"`, using hours and days where they divide evenly.
pub fn format_steps(steps: &[u32]) -> String {
    steps
        .iter()
        .map(|&m| match m {
            m if m % 1440 == 0 => format!("{}d", m / 1440),
            m if m % 60 == 0 => format!("{}h", m / 60),
            m => format!("{m}m"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_round_trip() {
        assert_eq!(parse_steps("1m 10m 1h 2d").unwrap(), [1, 10, 60, 2880]);
        assert_eq!(parse_steps("").unwrap(), Vec::<u32>::new());
        assert_eq!(format_steps(&[1, 10, 60, 2880]), "1m 10m 1h 2d");
        assert!(parse_steps("10x").is_err());
        assert!(parse_steps("0m").is_err());
    }

    #[test]
    fn every_key_round_trips() {
        let defaults = Config::default();
        let mut c = Config::default();
        for key in KEYS {
            let v = defaults.get(key).unwrap();
            c.set(key, &v).unwrap();
        }
        assert_eq!(c, defaults);
    }

    #[test]
    fn deck_limits_round_trip_and_fall_back_to_the_global_one() {
        let mut c = Config::default();
        c.set("new_per_day@네트워크 기초", "5").unwrap();
        assert_eq!(c.get("new_per_day@네트워크 기초").unwrap(), "5");
        assert_eq!(c.get("reviews_per_day@네트워크 기초").unwrap(), "200");
        assert_eq!(c.get("new_per_day@other").unwrap(), "20");
        assert_eq!(
            c.deck_limit_pairs(),
            [("new_per_day@네트워크 기초".to_string(), 5)]
        );
        let again = Config::from_pairs([("new_per_day@네트워크 기초", "5")]).unwrap();
        assert_eq!(again, c);
        assert!(c.unset_deck_limit("new_per_day@네트워크 기초").unwrap());
        assert!(c.deck_limits.is_empty());
        assert!(c.set("fuzz@x", "true").is_err());
        assert!(c.set("new_per_day@x", "many").is_err());
    }

    #[test]
    fn allowance_subtracts_what_was_done_today() {
        let mut c = Config::default();
        c.set("new_per_day@http", "3").unwrap();
        let done = [
            DoneToday {
                deck: "http".into(),
                new: 2,
                reviews: 7,
            },
            DoneToday {
                deck: "tcp".into(),
                new: 4,
                reviews: 0,
            },
        ];
        let a = c.allowance(&done, SessionLimits::default());
        assert_eq!(
            a.total,
            Remaining {
                new: 14,
                reviews: 193
            }
        );
        assert_eq!(a.per_deck["http"].new, 1);
        assert_eq!(a.per_deck["http"].reviews, usize::MAX);
        // A session override replaces both the total and the deck's limit.
        let a = c.allowance(
            &done,
            SessionLimits {
                new: Some(40),
                reviews: None,
            },
        );
        assert_eq!(a.total.new, 40);
        assert_eq!(a.per_deck["http"].new, usize::MAX);
    }

    #[test]
    fn bad_values_name_the_key() {
        let mut c = Config::default();
        let err = c.set("desired_retention", "0.99").unwrap_err().to_string();
        assert_eq!(
            err,
            "desired_retention: \"0.99\" is not valid: must be between 0.70 and 0.97"
        );
        assert!(c.set("nope", "1").is_err());
        assert!(c.set("parameters", "1,2,3").is_err());
    }

    #[test]
    fn language_is_ko_en_or_auto() {
        let mut c = Config::default();
        assert_eq!(c.get("language").unwrap(), "auto");
        c.set("language", "KO").unwrap();
        assert_eq!(c.language.as_deref(), Some("ko"));
        assert!(c.set("language", "fr").is_err());
        assert!(c.set("language", "korean").is_err());
        assert_eq!(c.language.as_deref(), Some("ko"));
        c.set("language", "auto").unwrap();
        assert_eq!(c.language, None);
    }

    #[test]
    fn exam_date_is_a_checked_day_and_empty_clears_it() {
        let mut c = Config::default();
        c.set("exam_date", " 2027-01-15 ").unwrap();
        assert_eq!(c.exam_date.as_deref(), Some("2027-01-15"));
        assert_eq!(c.get("exam_date").unwrap(), "2027-01-15");
        let err = c.set("exam_date", "2027-02-30").unwrap_err().to_string();
        assert!(
            err.starts_with("exam_date: \"2027-02-30\" is not valid"),
            "{err}"
        );
        assert!(c.set("exam_date", "tomorrow").is_err());
        assert_eq!(c.exam_date.as_deref(), Some("2027-01-15"));
        c.set("exam_date", "").unwrap();
        assert_eq!(c.exam_date, None);
    }
}
