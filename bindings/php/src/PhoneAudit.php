<?php
declare(strict_types=1);

namespace Sesame;

/**
 * Audit of the phone column of a guardians CSV export (sesame/phone_audit.h).
 * Returns the report of the CLI contract as an array:
 * ['rows', 'summary' => [...], 'shared_numbers' => [...], 'problems' => [...], 'encoding', 'delimiter'].
 */
final class PhoneAudit
{
    private const ENCODINGS = [null => 0, 'utf-8' => 1, 'windows-1252' => 2];

    /** @param array{delimiter?: string, encoding?: string} $options */
    public static function file(string $path, string $column, array $options = []): array
    {
        return self::run(static fn ($ffi, $out, $opts) => $ffi->sesame_phone_audit_file(
            $out, $path, strlen($path), $column, strlen($column), $opts
        ), $options);
    }

    /** @param array{delimiter?: string, encoding?: string} $options */
    public static function buffer(string $csv, string $column, array $options = []): array
    {
        return self::run(static fn ($ffi, $out, $opts) => $ffi->sesame_phone_audit_buffer(
            $out, $csv, strlen($csv), $column, strlen($column), $opts
        ), $options);
    }

    private static function run(callable $call, array $options): array
    {
        $ffi = FFI::get();
        $opts = $ffi->new('sesame_phone_audit_options');
        FFI::check($ffi->sesame_phone_audit_options_init(\FFI::addr($opts)));
        $delimiter = $options['delimiter'] ?? null;
        if ($delimiter !== null && $delimiter !== ',' && $delimiter !== ';') {
            throw new InvalidArgumentException("delimiter must be ',' or ';'", -1);
        }
        $encoding = $options['encoding'] ?? null;
        if (!array_key_exists($encoding ?? '', self::ENCODINGS) && $encoding !== null) {
            throw new InvalidArgumentException("encoding must be null, 'utf-8' or 'windows-1252'", -1);
        }
        $opts->delimiter = $delimiter === null ? 0 : ord($delimiter);
        $opts->encoding = $encoding === null ? 0 : self::ENCODINGS[$encoding];
        $handle = $ffi->new('sesame_phone_audit*');
        FFI::check($call($ffi, \FFI::addr($handle), \FFI::addr($opts)));
        try {
            $json = FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_phone_audit_json($o, $c, $n, $handle), 4096);
        } finally {
            $ffi->sesame_phone_audit_free($handle);
        }
        return json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }
}
