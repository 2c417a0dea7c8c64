# The error frame (src/exit.rs), the panic line, and the edge's own errors
# (src/cli/mod.rs, src/store, src/export, src/leftovers.rs).

error-line = synack: error: { $message }
error-panic = internal error ({ $what }{ $at }); this is a bug in synack, please report it
error-panic-at = { " " }at { $file }:{ $line }
error-panic-unknown = a panic
error-no-data-folder = cannot find a data folder for the database (set HOME, XDG_DATA_HOME or SYNACK_DB, or pass --db)
error-cannot-create-data-folder = cannot create the data folder { $path }
error-upgraded = synack: upgraded { $path } from schema v{ $from } to v{ $to }; the old file is kept as { $backup }
error-waiting = synack: { $path }: another synack is writing; waiting for it (up to { $seconds } s)
error-first-use = synack: first use: imported { $count ->
    [one] { $count } card
   *[other] { $count } cards
 } from the shipped decks into { $path }
error-file-exists = { $path } already exists; pass --force to overwrite it
error-not-regular-file = { $path } is { $kind }, not a regular file; --force replaces only regular files
error-cannot-write = cannot write { $path }
error-writer-panicked = the thread writing the file panicked
