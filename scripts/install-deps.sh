#!/usr/bin/env bash
# Installs, with apt, whatever Sesame needs that is missing (Debian 12), plus the packages named as
# arguments (scripts/web.sh and scripts/test-web.sh name the web stack's). Idempotent; quiet when
# everything is there. Run as root (or with sudo available).
set -euo pipefail
pkgs=(
  cmake ninja-build g++ pkg-config clang libclang-rt-14-dev   # build (clang for the fuzzers)
  abigail-tools                                                 # ABI check against abi/libsesame.abi
  libsodium-dev libutf8proc-dev libicu-dev libssl-dev           # runtime libraries
  nlohmann-json3-dev libhiredis-dev                             # JSON (CLI, directory), Redis store
  libgtest-dev libgmock-dev libbenchmark-dev                    # tests, benchmarks
  libphonenumber-dev python3-phonenumbers libzxcvbn-dev liboath-dev libpwquality-dev  # bench peers
  redis-server                                                  # shared OTP store tests
  python3 python3-pytest php-cli phpunit                        # bindings
  python3-pip python3-venv python3-setuptools python3-wheel     # Python.InstalledPackage: an offline wheel in a venv
  php-fpm libfcgi-bin                                           # Php.Fpm: the PHP binding under PHP-FPM (cgi-fcgi)
  python3-cffi python3-mypy                                     # Python binding: generator (cffi; python3-cffi-backend at run time), Python.Mypy
  python3-jsonschema                                            # docs/schema checks (Docs.SchemasValidateExamples)
  "$@"
)
# The phone generator's pinned input (tools/gen/gen_phone_metadata.py) in npm's cache, so that ctest
# Data.PhoneMetadataReproducible can regenerate offline; best effort (the test skips without it).
if command -v npm >/dev/null 2>&1 && ! npm cache ls google-libphonenumber 2>/dev/null | grep -q 'google-libphonenumber-3.2.47.tgz'; then
  npm cache add google-libphonenumber@3.2.47 >/dev/null 2>&1 || true
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
