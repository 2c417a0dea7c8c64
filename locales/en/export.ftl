# `synack export` and `synack restore` (src/cli/export.rs, src/export):
# messages, and why a backup cannot be restored.

export-cannot-read = cannot read { $path }
export-partial-needs-merge = { $path } is a partial backup (made with --deck or --tag); add it with --merge
export-cannot-merge = cannot merge { $path }
export-cannot-restore = cannot restore { $path }
export-not-empty = { $path } already has data; restore into a new database with --db, or pass --merge to add what is missing
export-merged = Merged { $path }: { $cards ->
    [one] { $cards } card
   *[other] { $cards } cards
 }, { $reviews ->
    [one] { $reviews } review
   *[other] { $reviews } reviews
 }, { $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
 }, { $sources ->
    [one] { $sources } note file
   *[other] { $sources } note files
 } added; { $states ->
    [one] { $states } schedule
   *[other] { $states } schedules
 } updated
export-restored = Restored { $path } into { $db }: { $cards ->
    [one] { $cards } card
   *[other] { $cards } cards
 }, { $reviews ->
    [one] { $reviews } review
   *[other] { $reviews } reviews
 }, { $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
 }, { $sources ->
    [one] { $sources } note file
   *[other] { $sources } note files
 }
export-error-not-json = not JSON: { $reason }
export-error-not-a-backup = not a synack backup (no "synack_backup" field)
export-error-format-version = backup format version { $found } is not one this synack reads ({ $supported }); upgrade synack
export-error-newer-schema = backup is from schema version { $found }, newer than this synack understands ({ $supported }); upgrade synack
export-error-invalid = invalid backup: { $reason }
