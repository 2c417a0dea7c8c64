//! `synack restore` on arbitrary bytes: parse the backup document, then
//! restore it into a fresh in-memory database (and, when that succeeds,
//! merge it into a second copy and read everything back). A bad document
//! must be an error, never a panic, and a failed restore must leave the
//! database empty: one transaction.

#![no_main]

use libfuzzer_sys::fuzz_target;
use synack::export::json::Document;
use synack::store::{Store, migrations};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = Document::parse(text, migrations::latest_version()) else {
        return;
    };
    let mut store = Store::open_in_memory().expect("in-memory database");
    match store.restore(&doc.data) {
        Ok(()) => {
            let back = store.backup_data().expect("a restored database reads back");
            assert_eq!(back.cards.len(), doc.data.cards.len());
            assert_eq!(back.reviews.len(), doc.data.reviews.len());
            // Merging a backup into the database it came from adds no cards.
            let report = store.merge(&doc.data).expect("merge into itself");
            assert_eq!(report.cards, 0);
        }
        Err(_) => assert!(
            store.is_empty().expect("is_empty"),
            "a failed restore wrote rows"
        ),
    }
});
