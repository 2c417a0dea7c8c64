//! The other half of a comparison, brought back to its question.
//!
//! Notes often answer "A와 B의 차이는?" in two halves: a bold lead line
//! for A under the question, then a digression under a heading of the same
//! level (which ends the question), and only then a bold lead line for B.
//! Read by headings alone, B's half lands on the digression's card and the
//! question shows half its answer. This pass moves B's half back: a bold
//! lead line in a later sibling section that names the question's B (or a
//! form of it from the glossary, `WAS(Web Application Server)` for
//! `웹 어플리케이션 서버`), when the question has a bold lead line for A and
//! none for B. The half runs to the next bold lead line or the end of that
//! section.

use super::blocks::Block;
use super::glossary;
use super::parse::Node;

/// The two things a front compares: `A와 B의 차이…`, `A과 B 비교`,
/// `A vs B`, `Difference between A and B`.
fn compared(front: &str) -> Option<(String, String)> {
    let f = front.trim().trim_end_matches(['?', '.', ' ']);
    let strip = |s: &str| s.trim().trim_matches(['*', '`', '"', ' ']).to_string();
    for marker in ["의 차이", " 차이", "의 비교", " 비교"] {
        if let Some(at) = f.find(marker) {
            let pair = &f[..at];
            for and in ["와 ", "과 ", " vs ", " VS ", " 그리고 "] {
                if let Some((a, b)) = pair.split_once(and) {
                    return Some((strip(a), strip(b)))
                        .filter(|(a, b)| !a.is_empty() && !b.is_empty());
                }
            }
        }
    }
    if let Some((a, b)) = f.split_once(" vs ").or_else(|| f.split_once(" VS ")) {
        return Some((strip(a), strip(b))).filter(|(a, b)| !a.is_empty() && !b.is_empty());
    }
    None
}

/// Lower-case, without spaces or punctuation: how terms are compared.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a bold title (`WAS(Web Application Server)`) names `term`: the
/// title, its part before the parenthesis or the part inside it is the
/// term or one of its glossary forms.
fn names(title: &str, term: &str) -> bool {
    let mut forms = vec![squash(term)];
    forms.extend(glossary::forms_of(term).iter().map(|f| squash(f)));
    forms.retain(|f| !f.is_empty());
    let mut parts = vec![squash(title)];
    if let Some((before, rest)) = title.split_once('(') {
        parts.push(squash(before));
        parts.push(squash(rest.trim_end_matches(')')));
    }
    parts.iter().any(|p| !p.is_empty() && forms.contains(p))
}

/// Bold-title text of block `i`, if it is a bold lead line.
fn bold_title<'b>(note: &str, blocks: &'b [Block], i: usize) -> Option<&'b str> {
    blocks[i].is_bold_title(note).then(|| blocks[i].text.trim())
}

/// Every body index of `node` and its descendants, in order.
fn subtree_body(node: &Node, out: &mut Vec<usize>) {
    out.extend(&node.body);
    for c in &node.children {
        subtree_body(c, out);
    }
}

/// Moves the other halves of comparisons among `node`'s children (and
/// theirs, recursively) back to their questions.
pub(super) fn reattach(note: &str, blocks: &[Block], node: &mut Node) {
    for child in &mut node.children {
        reattach(note, blocks, child);
    }
    for q in 0..node.children.len() {
        let Some(h) = node.children[q].heading else {
            continue;
        };
        let Some((a, b)) = compared(&blocks[h].text) else {
            continue;
        };
        let mut own = Vec::new();
        subtree_body(&node.children[q], &mut own);
        let titles: Vec<&str> = own
            .iter()
            .filter_map(|&i| bold_title(note, blocks, i))
            .collect();
        if !titles.iter().any(|t| names(t, &a)) || titles.iter().any(|t| names(t, &b)) {
            continue;
        }
        let found = node.children[q + 1..]
            .iter()
            .enumerate()
            .find_map(|(n, s)| {
                let start = s
                    .body
                    .iter()
                    .position(|&i| bold_title(note, blocks, i).is_some_and(|t| names(t, &b)))?;
                Some((q + 1 + n, start))
            });
        let Some((s, start)) = found else {
            continue;
        };
        let body = &node.children[s].body;
        let end = body[start + 1..]
            .iter()
            .position(|&i| bold_title(note, blocks, i).is_some())
            .map_or(body.len(), |n| start + 1 + n);
        let half: Vec<usize> = node.children[s].body.drain(start..end).collect();
        node.children[q].body.extend(half);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fronts_that_compare_two_things() {
        let pair = |f: &str| compared(f).map(|(a, b)| format!("{a}|{b}"));
        assert_eq!(
            pair("웹 서버와 웹 어플리케이션 서버의 차이는 무엇인가요?").as_deref(),
            Some("웹 서버|웹 어플리케이션 서버")
        );
        assert_eq!(pair("TCP와 UDP의 차이").as_deref(), Some("TCP|UDP"));
        assert_eq!(
            pair("**Apache와 Nginx의 차이**").as_deref(),
            Some("Apache|Nginx")
        );
        assert_eq!(
            pair("HTTP/1.1 vs HTTP/2").as_deref(),
            Some("HTTP/1.1|HTTP/2")
        );
        assert_eq!(pair("세션이란 무엇인가요?"), None);
    }

    fn card<'n>(note: &'n crate::deck::Note, front: &str) -> &'n crate::deck::Card {
        note.cards
            .iter()
            .find(|c| c.front == front)
            .unwrap_or_else(|| {
                panic!(
                    "no card {front:?} in {:?}",
                    note.cards.iter().map(|c| &c.front).collect::<Vec<_>>()
                )
            })
    }

    #[test]
    fn the_second_half_after_a_digression_comes_back_to_its_question() {
        let note = "# 웹\n\n#### 웹 서버와 WAS의 차이는?\n\n요청을 처리하는 방식이 다르다.\n\n\
                    **웹 서버**\n\n정적 파일을 준다.\n\n#### Nginx의 특징\n\n이벤트 기반이다.\n\n\
                    **WAS(Web Application Server)**\n\n동적 페이지를 만든다.\n\n\
                    **다음 이야기**\n\nNginx에 남는다.\n";
        let parsed = crate::deck::parse::parse_note(note, "web");
        let q = card(&parsed, "웹 서버와 WAS의 차이는?");
        assert!(q.back.contains("정적 파일을 준다"), "{}", q.back);
        assert!(q.back.contains("동적 페이지를 만든다"), "{}", q.back);
        let digression = card(&parsed, "웹 › Nginx의 특징");
        assert!(
            !digression.back.contains("동적 페이지"),
            "{}",
            digression.back
        );
        assert!(
            digression.back.contains("Nginx에 남는다"),
            "{}",
            digression.back
        );
    }

    #[test]
    fn a_question_that_already_has_both_halves_keeps_its_neighbours_whole() {
        let note = "# Net\n\n## TCP vs UDP\n\n**TCP**\n\nstream\n\n**UDP**\n\ndatagrams\n\n\
                    ## Sockets\n\n**UDP (User Datagram Protocol)**\n\nsendto and recvfrom\n";
        let parsed = crate::deck::parse::parse_note(note, "net");
        let sockets = card(&parsed, "Net › Sockets");
        assert!(sockets.back.contains("sendto"), "{}", sockets.back);
    }

    #[test]
    fn a_title_names_a_term_by_its_acronym_or_expansion() {
        assert!(names("WAS(Web Application Server)", "웹 어플리케이션 서버"));
        assert!(names("웹 서버", "웹 서버"));
        assert!(names("UDP (User Datagram Protocol)", "UDP"));
        assert!(!names("Nginx의 등장", "웹 어플리케이션 서버"));
    }
}
