# Help and usage: generated from the command tables; usage errors exit 2.

r help
r --help
r --version
r help meeting
r meeting --help
r meeting add --help
r help meeting add
r attendee mark -h
r init --help

note "Unambiguous prefixes of groups and verbs"
r meet li
r per l
r att --help

note "Usage errors: exit 2, one line on stderr (a missing verb also shows the verbs)"
r
r meetings list
r meeting lst
r help nosuch
r help meeting nosuch
r a list 1
r meeting
r meeting add
r meeting add "Rapat" "extra"
r agenda move 1 2
r meeting list --bogus
r meeting list --from
r --bogus
r meeting add "Rapat pimpinan" --start "2025-09-02 09:00"
r meeting add "Rapat pimpinan" --start "2025-09-02 09:00" --end 10:00 --duration 1h
note "None of these created anything"
r meeting list
