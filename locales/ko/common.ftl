# synack 전체가 함께 쓰는 메시지.

language-name = 한국어
config-language = 메시지 언어: ko, en 또는 auto (auto: LC_ALL, LC_MESSAGES, LANG을 따름)
config-language-bad = ko, en, auto 중 하나여야 합니다
