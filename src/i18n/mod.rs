//! The message catalog: every sentence synack prints, in English and in
//! Korean, one language at a time.
//!
//! The messages live in Fluent files, one folder per language
//! (`locales/en/*.ftl`, `locales/ko/*.ftl`, one file per area of the
//! program), compiled into the binary. Code asks for a message by id with
//! [`tr!`](crate::tr); the language is chosen once at start-up
//! ([`resolve`]): `synack config set language ko|en`, else `LC_ALL`,
//! `LC_MESSAGES` or `LANG` (Korean when the first one set starts with `ko`),
//! else English. Card content is never translated; technical terms (TCP,
//! SYN, FSRS) are written as the field writes them in both languages.
//!
//! The tests in this module walk the catalog: both languages have the same
//! ids with the same variables, the English has no Hangul, and every id the
//! source asks for exists.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use include_dir::{Dir, include_dir};

pub use fluent_bundle::FluentArgs;

pub mod cli;

static LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// A language synack speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The folder under `locales/` and the value `config set language` takes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// `ko`/`en` (any case, also `ko_KR.UTF-8`, `en-US`).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("ko") {
            Some(Lang::Ko)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The language from the environment, as POSIX looks a message language
/// up: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not
/// empty; Korean if it starts with `ko`, else English (`C`, `POSIX`, `de_DE`…).
pub fn from_env() -> Lang {
    from_vars(|k| std::env::var(k).ok())
}

fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| get(k).filter(|v| !v.is_empty()))
        .filter(|v| v.to_ascii_lowercase().starts_with("ko"))
        .map_or(Lang::En, |_| Lang::Ko)
}

/// The language to speak: the stored setting (`ko`, `en`; `auto`, empty or
/// absent defer), else the environment's.
pub fn resolve(setting: Option<&str>) -> Lang {
    setting
        .filter(|s| !s.trim().is_empty() && !s.trim().eq_ignore_ascii_case("auto"))
        .and_then(Lang::parse)
        .unwrap_or_else(from_env)
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A per-thread override, so that unit tests running side by side can
    /// each speak their own language ([`with_lang`]).
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the language for the whole process (the binary does it once, at start).
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are in now.
pub fn current() -> Lang {
    OVERRIDE.with(Cell::get).unwrap_or_else(|| {
        if CURRENT.load(Ordering::Relaxed) == Lang::Ko as u8 {
            Lang::Ko
        } else {
            Lang::En
        }
    })
}

/// Runs `f` with this thread speaking `lang` (for tests and for rendering
/// one thing in a language other than the process's).
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|o| o.set(self.0));
        }
    }
    let _restore = Restore(OVERRIDE.with(|o| o.replace(Some(lang))));
    f()
}

/// One language's messages, built on first use from its `.ftl` files.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang.index()].get_or_init(|| {
        let mut bundle =
            FluentBundle::new_concurrent(vec![lang.code().parse().unwrap_or_default()]);
        // Fluent wraps every placeable in Unicode isolation marks for
        // right-to-left text; in a terminal they are invisible bytes that
        // break width counting and grep.
        bundle.set_use_isolating(false);
        for (_, source) in sources(lang) {
            // A file with a syntax error still gives its good messages; the
            // catalog test makes sure no file has one.
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
            bundle.add_resource_overriding(resource);
        }
        bundle
    })
}

/// Every `.ftl` file of `lang`: (file name, text), by file name.
pub fn sources(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let mut files: Vec<_> = LOCALES
        .get_dir(lang.code())
        .into_iter()
        .flat_map(|d| d.files())
        .filter(|f| f.path().extension().is_some_and(|e| e == "ftl"))
        .filter_map(|f| {
            let name = f.path().file_name()?.to_str()?;
            Some((name, f.contents_utf8()?))
        })
        .collect();
    files.sort();
    files
}

/// Message `id` in the current language, with `args` filled in. An id the
/// catalog lacks comes back as itself (the catalog test keeps that from
/// shipping); a message never panics.
pub fn message(id: &str, args: Option<&FluentArgs>) -> String {
    message_in(current(), id, args)
}

/// Message `id` in `lang`.
pub fn message_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// Whether the catalog of `lang` has message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// A value for a message variable: text or a number. Numbers above 2^53
/// (seeds, hashes) should be passed as text: Fluent keeps numbers as f64.
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// A message from the catalog in the current language:
/// `tr!("quiz-done", count = n, deck = name.as_str())`. Variable names are
/// the Fluent file's `{ $count }`; `n` is any number or text.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::message($id, None)
    };
    ($id:literal, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($key), $crate::i18n::arg($value)); )+
        $crate::i18n::message($id, Some(&args))
    }};
}

/// Whether `c` is a Korean letter (syllable or jamo).
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Four lowercase English words in a row, between two punctuation marks,
/// is a sentence, not a term: `slow start`, `three-way handshake`,
/// `Set-Cookie` and a list such as `zero window, persist probe` pass.
pub fn english_sentence(text: &str) -> Option<String> {
    for clause in text.split(|c: char| ",.;:()[]{}<>|\"`!?/=→".contains(c)) {
        let mut run: Vec<&str> = Vec::new();
        for word in clause.split_whitespace() {
            let word = word.trim_matches('\'');
            let lowercase_word = word.len() > 1
                && word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !word.starts_with('-');
            if lowercase_word {
                run.push(word);
                if run.len() >= 4 {
                    return Some(run.join(" "));
                }
            } else {
                run.clear();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests;
