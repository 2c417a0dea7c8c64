# `synack export` and `synack restore` (src/cli/export.rs, src/export):
# messages, and why a backup cannot be restored.

export-cannot-read = cannot read { $path }
export-partial-needs-merge = { $path } is a partial backup (made with --deck or --tag); add it with --merge
export-cannot-merge = cannot merge { $path }
export-cannot-restore = cannot restore { $path }
export-not-empty = { $path } already has data; restore into a new database with --db, or pass --merge to add what is missing
# The counts keep the wording of earlier versions (scripts read them).
export-merged = Merged { $path }: cards { $cards }, reviews { $reviews }, sessions { $sessions }, sources { $sources }, schedules updated { $states }
export-restored = Restored { $path }: cards { $cards }, reviews { $reviews }, sessions { $sessions }, sources { $sources } → { $db }
export-error-not-json = not JSON: { $reason }
export-error-not-a-backup = not a synack backup (no "synack_backup" field)
export-error-format-version = backup format version { $found } is not one this synack reads ({ $supported }); upgrade synack
export-error-newer-schema = backup is from schema version { $found }, newer than this synack understands ({ $supported }); upgrade synack
export-error-invalid = invalid backup: { $reason }

# Why a backup is invalid (after "invalid backup: "). A record is named
# as `card 3`, `review 12`.
export-record-card = card { $id }
export-record-review = review { $id }
export-record-session = session { $id }
export-kind-source = source
export-kind-session = session
export-kind-card = card
export-kind-review = review
export-kind-revision = revision
export-bad-id-twice = { $what } id { $id } appears twice
export-bad-path-twice = source { $id }: path { $path } appears twice
export-bad-source = source { $id }: { $why }
export-bad-negative = { $record }: { $field } { $value } is negative
export-bad-key-twice = { $record }: deck { $deck } has key { $key } twice
export-bad-kind = { $record }: kind { $kind } is not one of { $kinds }
export-bad-tag-twice = { $record }: tag { $tag } appears twice
export-bad-missing-source = { $record }: source { $id } is not in the backup
export-bad-rating = { $record }: rating { $rating } is not 1 to 4
export-bad-days = { $record }: { $field } { $value } is not a number of days
export-bad-missing-card = { $record }: card { $id } is not in the backup
export-bad-missing-session = { $record }: session { $id } is not in the backup
export-bad-setting = setting { $key }: { $why }
export-bad-settings = settings: { $why }
export-bad-path-control = path { $path } has a control character
export-bad-path-not-note = path { $path } is not a note file (.{ $extensions })
export-bad-path-not-plain = path { $path } is not a plain path (it has an empty, `.` or `..` part)
export-bad-count = { $field } { $value } is not a count from 0 to { $max }
export-bad-memory = { $field } { $value } is not a finite, non-negative number
