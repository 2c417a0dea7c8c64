# 도움말을 둘러싼 clap의 틀과 clap의 오류 메시지 (src/i18n/cli.rs).
# 인자 이름과 값은 입력한 그대로 따옴표 안에 씁니다.

clap-usage-heading = 사용법:
clap-heading-commands = 명령
clap-heading-arguments = 인자
clap-heading-options = 옵션
clap-help-flag = 도움말 출력
clap-help-flag-short = 도움말 출력 (자세히: '--help')
clap-help-flag-long = 도움말 출력 (요약: '-h')
clap-version-flag = 버전 출력
clap-help-subcommand = 이 도움말이나 주어진 명령의 도움말 출력
clap-help-subcommand-arg = 도움말을 볼 명령
clap-default = [기본값: { $value }]
clap-possible-values = [가능한 값: { $list }]
clap-possible-values-heading = 가능한 값:

clap-unknown-argument = 알 수 없는 인자 '{ $arg }'입니다
clap-invalid-subcommand = 알 수 없는 명령 '{ $name }'입니다
clap-value-required = '{ $arg }'에 값이 필요합니다
clap-invalid-value = '{ $arg }'의 값 '{ $value }'이(가) 잘못되었습니다
clap-missing-required = 필수 인자가 없습니다: { $list }
clap-missing-subcommand = '{ $name }' 다음에 명령이 필요합니다
clap-subcommands = [명령: { $list }]
clap-used-twice = 인자 '{ $arg }'은(는) 한 번만 쓸 수 있습니다
clap-conflict = 인자 '{ $arg }'은(는) { $other }와(과) 함께 쓸 수 없습니다
clap-conflict-other = 인자 '{ $arg }'은(는) 함께 준 다른 인자와 같이 쓸 수 없습니다
clap-no-equals = '{ $arg }'의 값은 등호(=)로 붙여 써야 합니다
clap-too-many-values = '{ $arg }'에 값이 너무 많습니다: '{ $value }'
clap-too-few-values = '{ $arg }'에는 값이 { $min }개 필요한데 { $actual }개만 주어졌습니다
clap-wrong-number-of-values = '{ $arg }'에는 값이 { $expected }개 필요한데 { $actual }개가 주어졌습니다
clap-invalid-utf8 = 인자에 올바르지 않은 UTF-8이 있습니다
clap-bad-command-line = 명령줄이 올바르지 않습니다
clap-tip-similar-argument = 힌트: 비슷한 인자: { $list }
clap-tip-similar-subcommand = 힌트: 비슷한 명령: { $list }
clap-tip-similar-value = 힌트: 비슷한 값: { $list }
clap-tip-as-value = 힌트: '{ $arg }'을(를) 값으로 넘기려면 '-- { $arg }'로 씁니다
clap-number-empty = 숫자가 없습니다
clap-number-too-large = 숫자가 너무 큽니다
clap-number-too-small = 숫자가 너무 작습니다
clap-number-not-integer = 정수가 아닙니다
clap-number-not-number = 숫자가 아닙니다
clap-number-out-of-range = { $range } 범위 밖입니다
