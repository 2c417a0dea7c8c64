# clap's own frame around the help texts, and its error messages
# (src/i18n/cli.rs). Argument names and values are quoted as typed.

clap-usage-heading = Usage:
clap-heading-commands = Commands
clap-heading-arguments = Arguments
clap-heading-options = Options
clap-help-flag = Print help
clap-help-flag-short = Print help (see more with '--help')
clap-help-flag-long = Print help (see a summary with '-h')
clap-version-flag = Print version
clap-help-subcommand = Print this message or the help of the given subcommand(s)
clap-help-subcommand-arg = Print help for the subcommand(s)
clap-default = [default: { $value }]
clap-possible-values = [possible values: { $list }]
clap-possible-values-heading = Possible values:

clap-unknown-argument = unexpected argument '{ $arg }' found
clap-invalid-subcommand = unrecognized subcommand '{ $name }'
clap-value-required = a value is required for '{ $arg }' but none was supplied
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-missing-required = the following required arguments were not provided: { $list }
clap-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
clap-subcommands = [subcommands: { $list }]
clap-used-twice = the argument '{ $arg }' cannot be used multiple times
clap-conflict = the argument '{ $arg }' cannot be used with { $other }
clap-conflict-other = the argument '{ $arg }' cannot be used with one or more of the other specified arguments
clap-no-equals = equal sign is needed when assigning values to '{ $arg }'
clap-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-too-few-values = { $min } values required by '{ $arg }'; only { $actual } { $actual ->
    [one] was
   *[other] were
 } provided
clap-wrong-number-of-values = { $expected } values required for '{ $arg }' but { $actual } { $actual ->
    [one] was
   *[other] were
 } provided
clap-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
clap-bad-command-line = the command line is not valid
clap-tip-similar-argument = tip: a similar argument exists: { $list }
clap-tip-similar-subcommand = tip: a similar subcommand exists: { $list }
clap-tip-similar-value = tip: a similar value exists: { $list }
clap-tip-as-value = tip: to pass '{ $arg }' as a value, use '-- { $arg }'
clap-number-empty = no number given
clap-number-too-large = the number is too large
clap-number-too-small = the number is too small
clap-number-not-integer = not an integer
clap-number-not-number = not a number
clap-number-out-of-range = not in the range { $range }
