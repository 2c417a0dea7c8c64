//! Exercise cards: a note adds an [exercise template](crate::exercise) to
//! its deck by naming it, `exercise:handshake/next-state`, in a card's text
//! (the exercise card then sits beside that card, under the same headings)
//! or in its YAML front matter (`exercises: [uri/same-origin, uri/port]`,
//! or one `- name` per line under `exercises:`).

use super::key;
use super::{Card, CardKind, Skipped};

const MARKER: &str = "exercise:";

/// Adds the exercise cards that `note` asks for to `cards`; names that are
/// not templates go to `skipped`.
pub fn add(note: &str, cards: &mut Vec<Card>, skipped: &mut Vec<Skipped>) {
    let mut found: Vec<(String, u32, Vec<String>, Vec<String>)> = Vec::new();
    for (name, line) in front_matter(note) {
        found.push((name, line, Vec::new(), Vec::new()));
    }
    for card in cards.iter().filter(|c| c.kind != CardKind::Exercise) {
        for name in mentions(&card.back) {
            found.push((
                name,
                card.line,
                card.heading_path.clone(),
                card.tags.clone(),
            ));
        }
    }
    for (name, line, heading_path, tags) in found {
        let Some(template) = crate::exercise::find(&name) else {
            skipped.push(Skipped {
                line,
                reason: crate::exercise::ExerciseError::Unknown(name.clone()).to_string(),
            });
            continue;
        };
        cards.push(Card {
            kind: CardKind::Exercise,
            // Both sides are the template's name, the same under every
            // language: a title in the language of the import would make a
            // re-import under another one an edit of every exercise card.
            // Screens show the title in their own language
            // ([`crate::exercise::title_of`]).
            front: template.name.to_string(),
            back: template.name.to_string(),
            heading_path,
            tags,
            line,
            key: key::normalize(&format!("exercise {}", template.name)),
            demos: Vec::new(),
        });
    }
}

/// The template names written as `exercise:NAME` in `text`.
fn mentions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(MARKER) {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_') {
            continue;
        }
        let name: String = text[at + MARKER.len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_'))
            .collect();
        let name = name.trim_end_matches(['/', '-']).to_string();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The names in the front matter's `exercises:` (or `exercise:`) entry,
/// with their 1-based lines.
fn front_matter(note: &str) -> Vec<(String, u32)> {
    let mut lines = note.lines().enumerate();
    if lines.next().map(|(_, l)| l.trim_end()) != Some("---") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut in_list = false;
    for (i, line) in lines {
        let n = i as u32 + 1;
        let t = line.trim();
        if t == "---" || t == "..." {
            break;
        }
        if in_list && let Some(item) = t.strip_prefix("- ") {
            out.push((unquote(item).to_string(), n));
            continue;
        }
        in_list = false;
        let Some((k, v)) = t.split_once(':') else {
            continue;
        };
        if !matches!(k.trim(), "exercises" | "exercise") {
            continue;
        }
        let v = v.trim();
        if v.is_empty() {
            in_list = true;
            continue;
        }
        let v = v
            .strip_prefix('[')
            .and_then(|v| v.strip_suffix(']'))
            .unwrap_or(v);
        for item in v.split(',').map(unquote).filter(|s| !s.is_empty()) {
            out.push((item.to_string(), n));
        }
    }
    out
}

fn unquote(s: &str) -> &str {
    s.trim().trim_matches(['"', '\''])
}

#[cfg(test)]
mod tests {
    use crate::deck::{CardKind, parse_note};

    fn exercises(note: &str) -> Vec<(String, Vec<String>)> {
        parse_note(note, "n")
            .cards
            .into_iter()
            .filter(|c| c.kind == CardKind::Exercise)
            .map(|c| (c.front, c.heading_path))
            .collect()
    }

    #[test]
    fn a_mention_in_a_card_adds_the_exercise_beside_it() {
        let note = "# TCP\n## TIME-WAIT란?\n2MSL 동안 기다립니다. exercise:tcp/time-wait\n\n\
                    연습: exercise:handshake/next-state.\n";
        let found = exercises(note);
        assert_eq!(
            found,
            [
                (
                    "tcp/time-wait".to_string(),
                    vec!["TCP".to_string(), "TIME-WAIT란?".to_string()]
                ),
                (
                    "handshake/next-state".to_string(),
                    vec!["TCP".to_string(), "TIME-WAIT란?".to_string()]
                ),
            ]
        );
    }

    #[test]
    fn front_matter_lists_exercises_for_the_deck() {
        let note = "---\ntitle: x\nexercises: [uri/same-origin, \"uri/port\"]\n---\n# Web\n## URL이란?\n답\n";
        let names: Vec<String> = exercises(note).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["uri/same-origin", "uri/port"]);
        let note =
            "---\nexercises:\n  - handshake/ack-number\n  - tcp/rto-backoff\ntags: a\n---\n# T\n";
        let names: Vec<String> = exercises(note).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["handshake/ack-number", "tcp/rto-backoff"]);
    }

    #[test]
    fn unknown_names_are_skipped_with_a_reason_and_repeats_are_one_card() {
        let note = "# T\n## 질문인가요?\nexercise:nope/x exercise:uri/port\n## 또 질문인가요?\nexercise:uri/port\n";
        let parsed = parse_note(note, "n");
        let n = parsed
            .cards
            .iter()
            .filter(|c| c.kind == CardKind::Exercise)
            .count();
        assert_eq!(n, 1);
        assert!(
            parsed
                .skipped
                .iter()
                .any(|s| s.reason.contains("unknown exercise \"nope/x\"")),
            "{:?}",
            parsed.skipped
        );
        // Not a mention: part of a longer word.
        assert!(exercises("# T\n## 질문인가요?\nmyexercise:uri/port\n").is_empty());
    }
}
