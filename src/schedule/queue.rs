//! Today's queue: learning cards that are due, then reviews (most overdue
//! first) with new cards spread evenly among them, within the day's limits.
//! The store finds the candidates with indexed queries; this only orders and
//! cuts them.

use std::collections::HashMap;

use serde::Serialize;

/// Why a card is in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Slot {
    Learning,
    Review,
    New,
}

/// One card to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub card_id: i64,
    pub slot: Slot,
}

/// How many more of each a day (or a deck's day) allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Remaining {
    pub new: usize,
    pub reviews: usize,
}

impl Remaining {
    /// No limit at all.
    pub const UNLIMITED: Remaining = Remaining {
        new: usize::MAX,
        reviews: usize::MAX,
    };
}

/// What today still allows: a total, and for decks with their own limits, a
/// share of it. A card is taken only while both its deck and the total have
/// room, as with Anki's deck and collection limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowance {
    pub total: Remaining,
    pub per_deck: HashMap<String, Remaining>,
}

impl Allowance {
    /// Only a total, no deck limits.
    pub fn total(total: Remaining) -> Allowance {
        Allowance {
            total,
            per_deck: HashMap::new(),
        }
    }
}

/// A candidate card with the deck it counts against.
pub type Candidate = (i64, String);

/// Builds the queue from candidates already in order (learning by due time,
/// reviews most overdue first, new cards in note order), keeping of each list
/// what the allowance permits and placing new cards evenly between reviews.
pub fn build(
    learning: &[i64],
    reviews: &[Candidate],
    new: &[Candidate],
    allow: &Allowance,
) -> Vec<Entry> {
    let reviews = within(reviews, allow, |r| &mut r.reviews);
    let new = within(new, allow, |r| &mut r.new);
    let mut out: Vec<Entry> = learning
        .iter()
        .map(|&card_id| Entry {
            card_id,
            slot: Slot::Learning,
        })
        .collect();
    let total = reviews.len() + new.len();
    let (mut r, mut n) = (0, 0);
    for _ in 0..total {
        // Take a new card whenever new cards have fallen behind their share.
        let take_new = n < new.len() && (r == reviews.len() || n * total < (n + r + 1) * new.len());
        if take_new {
            out.push(Entry {
                card_id: new[n],
                slot: Slot::New,
            });
            n += 1;
        } else {
            out.push(Entry {
                card_id: reviews[r],
                slot: Slot::Review,
            });
            r += 1;
        }
    }
    out
}

/// Studying toward a date: below this predicted recall on the day (or the
/// desired retention, if higher) a card not yet due is pulled forward.
pub const TOWARD_TARGET: f32 = 0.95;

/// Review candidates for studying toward a date, each with its predicted
/// recall on the day: every due card, and the not-yet-due ones whose recall
/// then would be under `target`, lowest recall first (card id breaks ties),
/// so the daily limit spends its reviews where the day gains most.
pub fn toward_date(
    due: &[(Candidate, f32)],
    ahead: &[(Candidate, f32)],
    target: f32,
) -> Vec<Candidate> {
    let mut all: Vec<&(Candidate, f32)> = due
        .iter()
        .chain(ahead.iter().filter(|(_, r)| *r < target))
        .collect();
    all.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.0.cmp(&b.0.0)));
    all.into_iter().map(|(c, _)| c.clone()).collect()
}

/// The candidates, in order, that fit in the total and their deck's limit.
fn within(
    cands: &[Candidate],
    allow: &Allowance,
    count: fn(&mut Remaining) -> &mut usize,
) -> Vec<i64> {
    let mut total = allow.total;
    let mut decks = allow.per_deck.clone();
    let mut out = Vec::new();
    for (id, deck) in cands {
        if *count(&mut total) == 0 {
            break;
        }
        if let Some(left) = decks.get_mut(deck).map(count) {
            if *left == 0 {
                continue;
            }
            *left -= 1;
        }
        *count(&mut total) -= 1;
        out.push(*id);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots(q: &[Entry]) -> String {
        q.iter()
            .map(|e| match e.slot {
                Slot::Learning => 'L',
                Slot::Review => 'R',
                Slot::New => 'N',
            })
            .collect()
    }

    fn in_deck(deck: &str, ids: &[i64]) -> Vec<Candidate> {
        ids.iter().map(|&id| (id, deck.to_string())).collect()
    }

    fn ids(q: &[Entry], slot: Slot) -> Vec<i64> {
        q.iter()
            .filter(|e| e.slot == slot)
            .map(|e| e.card_id)
            .collect()
    }

    #[test]
    fn learning_first_then_new_spread_among_reviews() {
        let q = build(
            &[1],
            &in_deck("a", &[10, 11, 12, 13, 14, 15]),
            &in_deck("a", &[20, 21]),
            &Allowance::total(Remaining {
                new: 20,
                reviews: 200,
            }),
        );
        assert_eq!(slots(&q), "LNRRRNRRR");
        assert_eq!(ids(&q, Slot::Review), [10, 11, 12, 13, 14, 15]);
    }

    #[test]
    fn limits_cut_each_list() {
        let q = build(
            &[],
            &in_deck("a", &[10, 11, 12]),
            &in_deck("a", &[20, 21, 22]),
            &Allowance::total(Remaining { new: 1, reviews: 2 }),
        );
        assert_eq!(ids(&q, Slot::Review), [10, 11]);
        assert_eq!(ids(&q, Slot::New), [20]);
        let only_new = build(
            &[],
            &[],
            &in_deck("a", &[20, 21]),
            &Allowance::total(Remaining { new: 5, reviews: 0 }),
        );
        assert_eq!(slots(&only_new), "NN");
    }

    #[test]
    fn learning_cards_are_never_cut() {
        let q = build(
            &[1, 2, 3],
            &in_deck("a", &[10]),
            &[],
            &Allowance::total(Remaining { new: 0, reviews: 0 }),
        );
        assert_eq!(slots(&q), "LLL");
    }

    #[test]
    fn a_deck_limit_skips_that_deck_and_leaves_room_for_others() {
        let mut new = in_deck("http", &[1, 2, 3, 4]);
        new.extend(in_deck("tcp", &[5, 6, 7]));
        let mut allow = Allowance::total(Remaining {
            new: 5,
            reviews: 200,
        });
        allow
            .per_deck
            .insert("http".into(), Remaining { new: 2, reviews: 0 });
        let q = build(&[], &in_deck("http", &[10, 11]), &new, &allow);
        // http gives two new cards and no reviews; tcp fills the rest of the total.
        assert_eq!(ids(&q, Slot::New), [1, 2, 5, 6, 7]);
        assert!(ids(&q, Slot::Review).is_empty());
    }

    #[test]
    fn toward_a_date_orders_by_recall_on_the_day_and_pulls_forward_the_weak() {
        let due = [((1, "a".to_string()), 0.8), ((2, "a".to_string()), 0.3)];
        let ahead = [
            ((3, "a".to_string()), 0.5),
            ((4, "a".to_string()), 0.99),
            ((5, "a".to_string()), 0.94),
        ];
        let order: Vec<i64> = toward_date(&due, &ahead, TOWARD_TARGET)
            .into_iter()
            .map(|c| c.0)
            .collect();
        // 4 will be recalled on the day anyway: it stays where it is.
        assert_eq!(order, [2, 3, 1, 5]);
        let q = build(
            &[],
            &toward_date(&due, &ahead, TOWARD_TARGET),
            &[],
            &Allowance::total(Remaining { new: 0, reviews: 2 }),
        );
        assert_eq!(ids(&q, Slot::Review), [2, 3]);
    }

    #[test]
    fn the_total_caps_decks_whose_own_limit_is_higher() {
        let mut allow = Allowance::total(Remaining {
            new: 2,
            reviews: 200,
        });
        allow.per_deck.insert("a".into(), Remaining::UNLIMITED);
        let q = build(&[], &[], &in_deck("a", &[1, 2, 3]), &allow);
        assert_eq!(ids(&q, Slot::New), [1, 2]);
    }
}
