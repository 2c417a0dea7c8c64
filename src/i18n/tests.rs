//! The catalog walk: what makes "one language at a time" hold for every
//! message, not only the ones a screen test happens to print.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;
use crate::i18n::english_sentence;

/// id → the variables its text uses, for one file.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn parse(lang: Lang, name: &str, text: &str) -> Messages {
    let resource = fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("locales/{}/{name}: {errors:?}", lang.code()));
    let mut messages = Messages::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                assert!(
                    m.value.is_some(),
                    "locales/{}/{name}: {} has no text",
                    lang.code(),
                    m.id.name
                );
                messages.insert(m.id.name.to_string(), vars);
            }
            ast::Entry::Term(t) => panic!(
                "locales/{}/{name}: term -{} (use messages only, so both languages stay checkable)",
                lang.code(),
                t.id.name
            ),
            _ => {}
        }
    }
    messages
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(e: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

/// Every language's files, parsed: lang → file → messages.
fn catalog() -> BTreeMap<Lang, BTreeMap<String, Messages>> {
    Lang::ALL
        .iter()
        .map(|&lang| {
            let files = sources(lang)
                .into_iter()
                .map(|(name, text)| (name.to_string(), parse(lang, name, text)))
                .collect();
            (lang, files)
        })
        .collect()
}

#[test]
fn both_languages_have_the_same_files_ids_and_variables() {
    let catalog = catalog();
    let en = &catalog[&Lang::En];
    let ko = &catalog[&Lang::Ko];
    assert!(!en.is_empty(), "no locales/en/*.ftl");
    assert_eq!(
        en.keys().collect::<Vec<_>>(),
        ko.keys().collect::<Vec<_>>(),
        "locales/en and locales/ko must hold the same files"
    );
    let mut seen = BTreeMap::new();
    for (file, en_messages) in en {
        let ko_messages = &ko[file];
        for (id, vars) in en_messages {
            let ko_vars = ko_messages.get(id).unwrap_or_else(|| {
                panic!("{id} (locales/en/{file}) is missing from locales/ko/{file}")
            });
            assert_eq!(
                vars, ko_vars,
                "{id} ({file}) uses other variables in en and ko"
            );
            if let Some(other) = seen.insert(id.clone(), file.clone()) {
                panic!("{id} is in both {other} and {file}");
            }
        }
        for id in ko_messages.keys() {
            assert!(
                en_messages.contains_key(id),
                "{id} (locales/ko/{file}) is missing from locales/en/{file}"
            );
        }
    }
}

#[test]
fn every_message_formats_without_errors_in_both_languages() {
    for (lang, files) in catalog() {
        for (file, messages) in files {
            for (id, vars) in messages {
                let mut args = FluentArgs::new();
                for v in &vars {
                    args.set(v.clone(), "x");
                }
                let bundle = bundle(lang);
                let pattern = bundle
                    .get_message(&id)
                    .and_then(|m| m.value())
                    .unwrap_or_else(|| panic!("{id} ({}/{file}) did not load", lang.code()));
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(
                    errors.is_empty(),
                    "{id} ({}/{file}): {errors:?}",
                    lang.code()
                );
                assert!(
                    !text.trim().is_empty(),
                    "{id} ({}/{file}) is empty",
                    lang.code()
                );
            }
        }
    }
}

#[test]
fn the_english_catalog_has_no_korean() {
    for (name, text) in sources(Lang::En) {
        for (n, line) in text.lines().enumerate() {
            assert!(
                !line.chars().any(is_hangul),
                "locales/en/{name}:{}: Korean in the English catalog: {line}",
                n + 1
            );
        }
    }
}

#[test]
fn the_korean_catalog_has_no_english_sentences() {
    for (file, messages) in &catalog()[&Lang::Ko] {
        for (id, vars) in messages {
            let mut args = FluentArgs::new();
            for v in vars {
                args.set(v.clone(), "X");
            }
            let text = message_in(Lang::Ko, id, Some(&args));
            if let Some(words) = english_sentence(&text) {
                panic!("{id} (locales/ko/{file}) reads as English: {words:?} in {text:?}");
            }
        }
    }
}

#[test]
fn the_sentence_heuristic_tells_terms_from_sentences() {
    assert_eq!(english_sentence("slow start 단계에서 cwnd가 두 배"), None);
    assert_eq!(english_sentence("three-way handshake 끝"), None);
    assert_eq!(
        english_sentence("press to continue").as_deref(),
        None,
        "three words are a phrase"
    );
    assert_eq!(
        english_sentence("zero window, persist probe, slow start"),
        None
    );
    assert!(english_sentence("press enter to see the answer").is_some());
    assert!(english_sentence("오류: cannot open the file").is_some());
}

/// Every `tr!("id"` in the source, with where it is.
fn ids_in_source() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&root) {
        let entry = entry.expect("walk src");
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("read source");
        let file = entry.path().strip_prefix(&root).unwrap_or(entry.path());
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            let mut rest = line;
            while let Some(at) = rest.find("tr!(\"") {
                let word_before = rest[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
                rest = &rest[at + 5..];
                if !word_before {
                    let id: String = rest.chars().take_while(|&c| c != '"').collect();
                    found.push((id, file.display().to_string()));
                }
            }
        }
    }
    found
}

#[test]
fn every_id_the_source_asks_for_is_in_both_languages() {
    let ids = ids_in_source();
    assert!(!ids.is_empty(), "the walk found no tr! calls");
    for (id, file) in ids {
        for lang in Lang::ALL {
            assert!(
                has(lang, &id),
                "src/{file} asks for {id}, not in locales/{}",
                lang.code()
            );
        }
    }
}

#[test]
fn the_environment_picks_korean_only_when_it_says_ko() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        from_vars(move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        })
    };
    assert_eq!(env(&[]), Lang::En);
    assert_eq!(env(&[("LANG", "C")]), Lang::En);
    assert_eq!(env(&[("LANG", "ko_KR.UTF-8")]), Lang::Ko);
    assert_eq!(env(&[("LANG", "ko_KR.UTF-8"), ("LC_ALL", "C")]), Lang::En);
    assert_eq!(env(&[("LANG", "C"), ("LC_ALL", "ko_KR.UTF-8")]), Lang::Ko);
    assert_eq!(
        env(&[("LC_ALL", ""), ("LC_MESSAGES", "ko"), ("LANG", "en_US")]),
        Lang::Ko
    );
}

#[test]
fn a_setting_wins_over_the_environment_and_auto_defers() {
    assert_eq!(resolve(Some("ko")), Lang::Ko);
    assert_eq!(resolve(Some("EN")), Lang::En);
    // "auto", empty or absent: the environment decides; the test process's
    // environment is whatever it is, so compare with it.
    assert_eq!(resolve(Some("auto")), from_env());
    assert_eq!(resolve(None), from_env());
}

#[test]
fn with_lang_speaks_that_language_on_this_thread_only() {
    let ko = with_lang(Lang::Ko, || message("language-name", None));
    let en = with_lang(Lang::En, || message("language-name", None));
    assert_eq!(ko, "한국어");
    assert_eq!(en, "English");
    assert_eq!(with_lang(Lang::Ko, current), Lang::Ko);
}

#[test]
fn a_missing_id_comes_back_as_itself() {
    assert_eq!(
        message_in(Lang::Ko, "no-such-message", None),
        "no-such-message"
    );
}
