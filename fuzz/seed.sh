#!/bin/sh
# Seeds every target's corpus. Transcript readers: the published engine samples (all
# formats: a reader must also survive the others' files). Profile: the built-in profile.
# Tables: the demo and broken fixtures' tables. Run from fuzz/: ./seed.sh
set -e
for t in $(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v callaudit-fuzz); do
    mkdir -p "corpus/$t"
    case $t in
    profile) cp ../profiles/*.toml corpus/profile/ ;;
    calls | actions | reports)
        for d in demo broken; do cp "../fixtures/$d/$t.csv" "corpus/$t/$d.csv"; done ;;
    *) find ../fixtures/formats -type f ! -name README.md ! -name .gitattributes \
        -exec cp {} "corpus/$t/" \; ;;
    esac
done
