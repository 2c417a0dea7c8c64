//! The shipped glossary (`data/glossary.tsv`): terms that mean the same in
//! English and Korean (`혼잡 제어` = `congestion control`, `WAS` = `웹
//! 어플리케이션 서버`). The quiz's key-terms hint and the importer's
//! comparison rule (`deck::halves`) read it.

use std::sync::OnceLock;

const GLOSSARY: &str = include_str!("../../data/glossary.tsv");

/// Every term, as the forms its line lists (the first is the one shown).
pub fn terms() -> &'static [Vec<&'static str>] {
    static TERMS: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    TERMS.get_or_init(|| {
        GLOSSARY
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| {
                l.split('\t')
                    .map(str::trim)
                    .filter(|f| !f.is_empty())
                    .collect()
            })
            .collect()
    })
}

/// The forms of the term `form` is one of (compared without case or
/// spaces), or nothing.
pub fn forms_of(form: &str) -> &'static [&'static str] {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = squash(form);
    terms()
        .iter()
        .find(|forms| forms.iter().any(|f| squash(f) == wanted))
        .map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_finds_its_term_whatever_its_spacing_and_case() {
        assert!(forms_of("Congestion Control").contains(&"혼잡 제어"));
        assert!(forms_of("웹어플리케이션 서버").contains(&"WAS"));
        assert!(forms_of("no such term").is_empty());
        assert!(
            terms().iter().all(|t| t.len() >= 2),
            "a term with one form says nothing"
        );
    }
}
