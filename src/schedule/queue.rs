//! Today's queue: learning cards that are due, then reviews (most overdue
//! first) with new cards spread evenly among them, within the day's limits.
//! The store finds the candidates with indexed queries; this only orders them.

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

/// How many more of each the day allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Remaining {
    pub new: usize,
    pub reviews: usize,
}

/// Builds the queue from candidates already in order (learning by due time,
/// reviews most overdue first, new cards in deck order), cutting each list
/// to what the limits allow and placing new cards evenly between reviews.
pub fn build(learning: &[i64], reviews: &[i64], new: &[i64], left: Remaining) -> Vec<Entry> {
    let reviews = &reviews[..reviews.len().min(left.reviews)];
    let new = &new[..new.len().min(left.new)];
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

    #[test]
    fn learning_first_then_new_spread_among_reviews() {
        let q = build(
            &[1],
            &[10, 11, 12, 13, 14, 15],
            &[20, 21],
            Remaining {
                new: 20,
                reviews: 200,
            },
        );
        assert_eq!(slots(&q), "LNRRRNRRR");
        assert_eq!(
            q.iter()
                .filter(|e| e.slot == Slot::Review)
                .map(|e| e.card_id)
                .collect::<Vec<_>>(),
            [10, 11, 12, 13, 14, 15]
        );
    }

    #[test]
    fn limits_cut_each_list() {
        let q = build(
            &[],
            &[10, 11, 12],
            &[20, 21, 22],
            Remaining { new: 1, reviews: 2 },
        );
        assert_eq!(q.len(), 3);
        assert_eq!(q.iter().filter(|e| e.slot == Slot::New).count(), 1);
        let only_new = build(&[], &[], &[20, 21], Remaining { new: 5, reviews: 0 });
        assert_eq!(slots(&only_new), "NN");
    }
}
