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

# 데이터베이스 (src/store).
store-not-sqlite = { $path }: SQLite 데이터베이스가 아닙니다
store-read-only = { $path }: 데이터베이스가 읽기 전용입니다
store-newer-schema = { $path }: 스키마 버전 { $found }이(가) 이 synack이 아는 버전({ $supported })보다 새롭습니다. synack을 업그레이드해 주세요
store-unknown-schema = { $path }: 스키마 버전 { $found }은(는) synack이 열 수 있는 버전이 아닙니다: { $why }. 파일은 그대로 두었습니다
store-cannot-open = { $path }: 데이터베이스를 열 수 없습니다: { $reason }
store-busy = { $path }: 데이터베이스가 사용 중입니다 (다른 synack이 쓰는 중). 다시 시도해 주세요
store-backup = { $path }: 스키마를 올리기 전에 사본을 남길 수 없습니다: { $reason }
store-unexpected-id = { $path }: 새 카드가 id { $expected }이(가) 아니라 { $got }(으)로 저장되었습니다. 아무것도 쓰지 않았습니다
store-not-a-folder = { $path }은(는) 폴더가 아닙니다
store-no-folder = 폴더 { $path }이(가) 없습니다
store-is-a-folder = 파일이 아니라 폴더입니다
store-negative-version = 음수 버전을 쓰는 synack은 없습니다
store-tables-without-version = 테이블({ $tables })은 있지만 스키마 버전이 없습니다. synack 데이터베이스가 아니거나 버전이 지워졌습니다
store-a-negative-version = 음수 버전
store-tables-of-version = 테이블이 버전 { $version }의 것입니다
store-tables-not-of-version = 테이블이 버전 { $version }의 것이 아닙니다
store-bad-rating = 저장된 평가 { $rating }이(가) 1-4가 아닙니다

# 입출력 오류: 흔한 종류를 한국어로 (영어에서는 시스템의 말 그대로).
error-io-not-found = 파일이나 폴더가 없습니다
error-io-permission-denied = 권한이 없습니다
error-io-already-exists = 이미 있습니다
error-io-is-a-directory = 폴더입니다
error-io-not-a-directory = 폴더가 아닙니다
error-io-storage-full = 장치에 남은 공간이 없습니다
error-io-read-only = 읽기 전용 파일 시스템입니다
error-io-invalid-data = 데이터가 올바르지 않습니다
error-io-broken-pipe = 파이프가 끊겼습니다
error-io-os = { $what } (OS 오류 { $code })
