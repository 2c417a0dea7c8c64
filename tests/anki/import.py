"""Imports a synack `--format anki` file into a real Anki collection, with
Anki's own backend (`pip install anki`: the Rust core that Anki desktop's
File > Import runs), and prints what Anki made of it as one JSON line.

Usage: python3 import.py FILE COLLECTION.anki2
"""

import json
import os
import sys

from anki.collection import Collection, ImportCsvRequest


def main() -> None:
    path = os.path.abspath(sys.argv[1])
    col = Collection(sys.argv[2])
    try:
        # Read the file's own #headers, as the import dialog does.
        meta = col.get_csv_metadata(path=path, delimiter=None)
        log = col.import_csv(ImportCsvRequest(path=path, metadata=meta)).log
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        print(json.dumps({
            "columns": list(meta.column_labels),
            "guid_column": meta.guid_column,
            "deck_column": meta.deck_column,
            "tags_column": meta.tags_column,
            "is_html": meta.is_html,
            "new": len(log.new),
            "updated": len(log.updated),
            "duplicate": len(log.duplicate),
            "rejected": len(log.conflicting) + len(log.missing_notetype)
            + len(log.empty_first_field) + len(log.missing_deck),
            "notes": col.note_count(),
            "cards": col.card_count(),
            "decks": sorted(d.name for d in col.decks.all_names_and_ids()),
            "by_guid": {
                n.guid: {"front": n["Front"], "back": n["Back"], "tags": n.tags}
                for n in notes
            },
        }, ensure_ascii=False))
    finally:
        col.close()


if __name__ == "__main__":
    main()
