# Messages every part of synack shares.

language-name = English
config-language = language of messages: ko, en or auto (auto: LC_ALL, LC_MESSAGES or LANG)
config-language-bad = expected ko, en or auto
