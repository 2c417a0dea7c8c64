# 오류 틀 (src/exit.rs), 패닉 줄, 그리고 가장자리의 오류
# (src/cli/mod.rs, src/store, src/export, src/leftovers.rs).

error-line = synack: 오류: { $message }
error-panic = 내부 오류입니다 ({ $what }{ $at }). synack의 버그이니 알려 주세요
error-panic-at = { ", " }위치 { $file }:{ $line }
error-panic-unknown = 패닉
error-no-data-folder = 데이터베이스를 둘 데이터 폴더를 찾을 수 없습니다 (HOME, XDG_DATA_HOME 또는 SYNACK_DB를 설정하거나 --db를 주세요)
error-cannot-create-data-folder = 데이터 폴더 { $path }을(를) 만들 수 없습니다
error-upgraded = synack: { $path }을(를) 스키마 v{ $from }에서 v{ $to }로 올렸습니다. 예전 파일은 { $backup }에 남겨 두었습니다
error-waiting = synack: { $path }: 다른 synack이 쓰는 중이라 기다립니다 (최대 { $seconds }초)
error-first-use = synack: 처음 사용: 함께 들어 있는 덱에서 카드 { $count }장을 { $path }에 가져왔습니다
error-file-exists = { $path }이(가) 이미 있습니다. 덮어쓰려면 --force를 주세요
error-not-regular-file = { $path }은(는) 일반 파일이 아니라 { $kind }입니다. --force는 일반 파일만 바꿉니다
error-cannot-write = { $path }에 쓸 수 없습니다
error-writer-panicked = 파일을 쓰던 스레드가 패닉했습니다
