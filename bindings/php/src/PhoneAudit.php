<?php
declare(strict_types=1);

namespace Sesame;

/**
 * Audit of the phone column of a guardians CSV export (sesame/phone_audit.h).
 *
 * file() and buffer() return the report of the CLI contract as an array:
 * ['rows', 'summary' => [...], 'shared_numbers' => [...], 'problems' => [...], 'encoding', 'delimiter']
 * (it holds the phone numbers of the file: personal data). fileSummary() and bufferSummary() return
 * only the counts (PhoneAuditSummary), without copying the report.
 *
 * Options: 'delimiter' (',' or ';'; default: detected from the header line) and 'encoding'
 * ('utf-8' or 'windows-1252'; default: UTF-8 when the whole file is valid UTF-8, else Windows-1252).
 */
final class PhoneAudit
{
    /** @param array{delimiter?: ?string, encoding?: ?string} $options */
    public static function file(string $path, string $column, array $options = []): array
    {
        return self::report(self::run(static fn ($ffi, $out, $opts) => $ffi->sesame_phone_audit_file(
            $out, $path, strlen($path), $column, strlen($column), $opts
        ), $options));
    }

    /** @param array{delimiter?: ?string, encoding?: ?string} $options */
    public static function buffer(string $csv, string $column, array $options = []): array
    {
        return self::report(self::run(static fn ($ffi, $out, $opts) => $ffi->sesame_phone_audit_buffer(
            $out, $csv, strlen($csv), $column, strlen($column), $opts
        ), $options));
    }

    /** @param array{delimiter?: ?string, encoding?: ?string} $options */
    public static function fileSummary(string $path, string $column, array $options = []): PhoneAuditSummary
    {
        return self::summary(self::run(static fn ($ffi, $out, $opts) => $ffi->sesame_phone_audit_file(
            $out, $path, strlen($path), $column, strlen($column), $opts
        ), $options));
    }

    /** @param array{delimiter?: ?string, encoding?: ?string} $options */
    public static function bufferSummary(string $csv, string $column, array $options = []): PhoneAuditSummary
    {
        return self::summary(self::run(static fn ($ffi, $out, $opts) => $ffi->sesame_phone_audit_buffer(
            $out, $csv, strlen($csv), $column, strlen($column), $opts
        ), $options));
    }

    /** @return \FFI\CData the sesame_phone_audit* (to free) */
    private static function run(callable $call, array $options): \FFI\CData
    {
        $ffi = FFI::get();
        $opts = $ffi->new('sesame_phone_audit_options');
        FFI::check($ffi->sesame_phone_audit_options_init(\FFI::addr($opts)));
        $delimiter = $options['delimiter'] ?? null;
        if ($delimiter !== null) {
            if (strlen($delimiter) !== 1) {
                throw SesameException::invalidArgument("delimiter must be ',' or ';'");
            }
            $opts->delimiter = ord($delimiter); // the library refuses anything but ',' and ';'
        }
        $encoding = $options['encoding'] ?? null;
        if ($encoding !== null) {
            $opts->encoding = match (strtolower($encoding)) {
                'utf-8' => $ffi->SESAME_CSV_ENCODING_UTF8,
                'windows-1252' => $ffi->SESAME_CSV_ENCODING_WINDOWS_1252,
                default => throw SesameException::invalidArgument("encoding must be null, 'utf-8' or 'windows-1252'"),
            };
        }
        $handle = $ffi->new('sesame_phone_audit*');
        FFI::check($call($ffi, \FFI::addr($handle), \FFI::addr($opts)));
        return $handle;
    }

    private static function report(\FFI\CData $handle): array
    {
        $ffi = FFI::get();
        try {
            $json = FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_phone_audit_json($o, $c, $n, $handle), 4096);
        } finally {
            $ffi->sesame_phone_audit_free($handle);
        }
        return json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }

    private static function summary(\FFI\CData $handle): PhoneAuditSummary
    {
        $ffi = FFI::get();
        $s = $ffi->new('sesame_phone_audit_summary');
        $s->struct_size = \FFI::sizeof($s);
        try {
            FFI::check($ffi->sesame_phone_audit_summary_get(\FFI::addr($s), $handle));
        } finally {
            $ffi->sesame_phone_audit_free($handle);
        }
        return new PhoneAuditSummary($s->rows, $s->mobile, $s->not_mobile, $s->invalid, $s->empty, $s->overseas,
            $s->shared_numbers, $s->problems);
    }
}
