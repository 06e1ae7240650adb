#!/bin/sh
# Seeds every target's corpus with the published engine samples (all formats: a reader
# must also survive the others' files). Run from fuzz/: ./seed.sh
set -e
for t in $(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v callaudit-fuzz); do
    mkdir -p "corpus/$t"
    find ../fixtures/formats -type f ! -name README.md ! -name .gitattributes \
        -exec cp {} "corpus/$t/" \;
done
