//! Matching a reworded card to the card it used to be.
//!
//! When a note changes, cards whose front vanished and cards with a new front
//! in the same file are paired by likeness, best pairs first, so a reworded
//! question keeps its id, schedule and history.

use std::collections::HashMap;

/// The least likeness that counts as the same card reworded.
pub const THRESHOLD: f64 = 0.5;

/// A card's text, as far as matching is concerned.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub front: &'a str,
    pub back: &'a str,
}

/// Likeness of two cards: the fronts, and when both have answers, mostly the answers
/// (a reworded heading usually keeps its answer).
pub fn score(old: Text<'_>, new: Text<'_>) -> f64 {
    let front = dice(old.front, new.front);
    if old.back.trim().is_empty() || new.back.trim().is_empty() {
        return front;
    }
    0.4 * front + 0.6 * dice(old.back, new.back)
}

/// Pairs `olds` with `news` (indices into each), best pairs first, each at
/// most once, keeping only pairs at or above [`THRESHOLD`].
pub fn pair(olds: &[Text<'_>], news: &[Text<'_>]) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, old) in olds.iter().enumerate() {
        for (j, new) in news.iter().enumerate() {
            let s = score(*old, *new);
            if s >= THRESHOLD {
                candidates.push((s, i, j));
            }
        }
    }
    // Best first; ties go to the earlier card so results are stable.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut old_used = vec![false; olds.len()];
    let mut new_used = vec![false; news.len()];
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !old_used[i] && !new_used[j] {
            old_used[i] = true;
            new_used[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Sørensen–Dice over character bigrams of the normalized texts: linear time,
/// so even long answers compare quickly, and Hangul counts per syllable.
fn dice(a: &str, b: &str) -> f64 {
    let a = crate::deck::key::normalize(a);
    let b = crate::deck::key::normalize(b);
    if a == b {
        return 1.0;
    }
    let bigrams = |s: &str| {
        let chars: Vec<char> = s.chars().collect();
        let mut counts: HashMap<(char, char), usize> = HashMap::new();
        for w in chars.windows(2) {
            *counts.entry((w[0], w[1])).or_default() += 1;
        }
        (counts, chars.len().saturating_sub(1))
    };
    let (ca, na) = bigrams(&a);
    let (cb, nb) = bigrams(&b);
    if na + nb == 0 {
        return 0.0;
    }
    let shared: usize = ca
        .iter()
        .map(|(k, n)| (*n).min(cb.get(k).copied().unwrap_or(0)))
        .sum();
    2.0 * shared as f64 / (na + nb) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t<'a>(front: &'a str, back: &'a str) -> Text<'a> {
        Text { front, back }
    }

    #[test]
    fn reworded_question_with_same_answer_pairs() {
        let olds = [t(
            "쿠키와 세션의 차이에 대해 설명해 주세요.",
            "쿠키는 클라이언트, 세션은 서버에 저장한다.",
        )];
        let news = [
            t("HTTP 메서드는?", "GET, POST"),
            t(
                "쿠키와 세션은 어떻게 다른가요?",
                "쿠키는 클라이언트, 세션은 서버에 저장한다.",
            ),
        ];
        assert_eq!(pair(&olds, &news), [(0, 1)]);
    }

    #[test]
    fn unrelated_cards_do_not_pair() {
        let olds = [t("TIME-WAIT은 왜 필요한가요?", "지연된 세그먼트")];
        let news = [t("CORS란?", "교차 출처 리소스 공유")];
        assert!(pair(&olds, &news).is_empty());
    }

    #[test]
    fn each_card_pairs_once_best_first() {
        let olds = [t("UDP란?", ""), t("TCP란 무엇인가?", "")];
        let news = [t("TCP란 무엇인가요?", ""), t("UDP란 무엇인가요?", "")];
        assert!(score(olds[1], news[0]) > score(olds[0], news[0]));
        assert_eq!(pair(&olds, &news), [(0, 1), (1, 0)]);
    }
}
