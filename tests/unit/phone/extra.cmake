# The phone tests need no peer: the differential test reads libphonenumber's answers from
# tests/data/phone/differential.tsv (tools/gen/gen_phone_metadata.py, same pinned package as the tables).
