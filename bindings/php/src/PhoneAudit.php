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
 * The column is found as a secretary names it: exactly, or forgiving case, accents and spacing,
 * or by a common name ('portable', 'mobile', 'tél. portable'...); when none or several match, a
 * ColumnException (a NotFoundException) lists the header's columns and the candidates. Rows are
 * named by 'row' (index among data records) and 'line' (the spreadsheet's row).
 *
 * Options: 'delimiter' (',', ';' or "\t"; default: detected from the header line), 'encoding'
 * ('utf-8', 'windows-1252', 'utf-16le', 'utf-16be'; default: UTF-16 after its byte order mark, else
 * UTF-8 when the whole file is valid UTF-8, else Windows-1252), 'lang' ('fr' or 'en': the rows'
 * messages) and 'onRow' (a callable(PhoneAuditRow): ?bool called for the header, then every data
 * record as the audit goes; false stops it with a CancelledException): a per-row report that
 * does not keep the rows.
 */
final class PhoneAudit
{
    private const OUTCOMES = [
        'SESAME_PHONE_AUDIT_MOBILE' => 'mobile',
        'SESAME_PHONE_AUDIT_NOT_MOBILE' => 'not_mobile',
        'SESAME_PHONE_AUDIT_INVALID' => 'invalid',
        'SESAME_PHONE_AUDIT_EMPTY' => 'empty',
    ];

    /**
     * @var array{outcomes: array<int, string>, encodings: array<int, string>, types: array<int, string>,
     *     errors: array<int, string>}|null value => name tables of a row's fields, read once (types and errors: Phone's)
     */
    private static ?array $rowNames = null;

    /** @return array<string, int> the encodings by their report name, values from the header */
    private static function encodings(\FFI $ffi): array
    {
        return [
            'utf-8' => $ffi->SESAME_CSV_ENCODING_UTF8,
            'windows-1252' => $ffi->SESAME_CSV_ENCODING_WINDOWS_1252,
            'utf-16le' => $ffi->SESAME_CSV_ENCODING_UTF16LE,
            'utf-16be' => $ffi->SESAME_CSV_ENCODING_UTF16BE,
        ];
    }

    /** @return array{outcomes: array<int, string>, encodings: array<int, string>, types: array<int, string>, errors: array<int, string>} */
    private static function rowNames(\FFI $ffi): array
    {
        if (self::$rowNames === null) {
            $outcomes = [];
            foreach (self::OUTCOMES as $c => $name) {
                $outcomes[$ffi->$c] = $name;
            }
            self::$rowNames = ['outcomes' => $outcomes, 'encodings' => array_flip(self::encodings($ffi))]
                + Phone::names();
        }
        return self::$rowNames;
    }
    /**
     * The columns of the export's header and how $column matches them, reading the header only
     * (sesame_phone_audit_columns_file): ['columns' => [...], 'column' => name|null, 'index' =>
     * int|null, 'match' => 'exact'|'folded'|'synonym'|'contains'|null, 'candidates' => [...],
     * 'encoding', 'delimiter', 'bom', 'line_end']. For a form that lets the secretary pick the column.
     * @param array{delimiter?: ?string, encoding?: ?string} $options
     */
    public static function fileColumns(string $path, string $column = '', array $options = []): array
    {
        $ffi = FFI::get();
        $opts = self::options($options);
        $json = FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_phone_audit_columns_file(
            $o, $c, $n, $path, strlen($path), $column, strlen($column), \FFI::addr($opts)
        ), 512);
        return json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }

    /** @param array{delimiter?: ?string, encoding?: ?string} $options */
    public static function bufferColumns(string $csv, string $column = '', array $options = []): array
    {
        $ffi = FFI::get();
        $opts = self::options($options);
        $json = FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_phone_audit_columns_buffer(
            $o, $c, $n, $csv, strlen($csv), $column, strlen($column), \FFI::addr($opts)
        ), 512);
        return json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }

    /** @param array{delimiter?: ?string, encoding?: ?string, lang?: string, onRow?: callable} $options */
    public static function file(string $path, string $column, array $options = []): array
    {
        return self::report(self::run(static fn ($ffi, $out, $opts) => $ffi->sesame_phone_audit_file(
            $out, $path, strlen($path), $column, strlen($column), $opts
        ), $options, static fn (): array => self::fileColumns($path, $column, $options)));
    }

    /** @param array{delimiter?: ?string, encoding?: ?string, lang?: string, onRow?: callable} $options */
    public static function buffer(string $csv, string $column, array $options = []): array
    {
        return self::report(self::run(static fn ($ffi, $out, $opts) => $ffi->sesame_phone_audit_buffer(
            $out, $csv, strlen($csv), $column, strlen($column), $opts
        ), $options, static fn (): array => self::bufferColumns($csv, $column, $options)));
    }

    /** @param array{delimiter?: ?string, encoding?: ?string, lang?: string, onRow?: callable} $options */
    public static function fileSummary(string $path, string $column, array $options = []): PhoneAuditSummary
    {
        return self::summary(self::run(static fn ($ffi, $out, $opts) => $ffi->sesame_phone_audit_file(
            $out, $path, strlen($path), $column, strlen($column), $opts
        ), $options, static fn (): array => self::fileColumns($path, $column, $options)));
    }

    /** @param array{delimiter?: ?string, encoding?: ?string, lang?: string, onRow?: callable} $options */
    public static function bufferSummary(string $csv, string $column, array $options = []): PhoneAuditSummary
    {
        return self::summary(self::run(static fn ($ffi, $out, $opts) => $ffi->sesame_phone_audit_buffer(
            $out, $csv, strlen($csv), $column, strlen($column), $opts
        ), $options, static fn (): array => self::bufferColumns($csv, $column, $options)));
    }

    private static function options(array $options): \FFI\CData
    {
        $ffi = FFI::get();
        $opts = $ffi->new('sesame_phone_audit_options');
        FFI::check($ffi->sesame_phone_audit_options_init(\FFI::addr($opts)));
        $delimiter = $options['delimiter'] ?? null;
        if ($delimiter !== null) {
            if (strlen($delimiter) !== 1) {
                throw SesameException::invalidArgument("delimiter must be ',', ';' or a TAB");
            }
            $opts->delimiter = ord($delimiter); // which characters are allowed is the library's rule
        }
        $encoding = $options['encoding'] ?? null;
        if ($encoding !== null) {
            $encodings = self::encodings($ffi);
            $opts->encoding = $encodings[strtolower($encoding)]
                ?? throw SesameException::invalidArgument('encoding must be null or one of ' . implode(', ', array_keys($encodings)));
        }
        $opts->lang = FFI::lang($options['lang'] ?? 'fr');
        return $opts;
    }

    /**
     * @param callable(): array $columns the header's columns, for a ColumnException
     * @return \FFI\CData the sesame_phone_audit* (to free)
     */
    private static function run(callable $call, array $options, callable $columns): \FFI\CData
    {
        $ffi = FFI::get();
        $opts = self::options($options);
        $thrown = null;
        $onRow = $options['onRow'] ?? null;
        if ($onRow !== null) {
            $names = self::rowNames($ffi);
            // Never let an exception cross the C frames: kept, the audit stopped, thrown after.
            $opts->row = static function ($r, $payload) use ($onRow, $names, $ffi, &$thrown): int {
                try {
                    return $onRow(self::row($r, $names, $ffi)) === false ? 1 : 0;
                } catch (\Throwable $e) {
                    $thrown = $e;
                    return 1;
                }
            };
        }
        $handle = $ffi->new('sesame_phone_audit*');
        $st = $call($ffi, \FFI::addr($handle), \FFI::addr($opts));
        if ($thrown !== null) {
            if ($st === 0) {
                $ffi->sesame_phone_audit_free($handle);
            }
            throw $thrown;
        }
        if ($st === $ffi->SESAME_E_NOT_FOUND) {
            $e = SesameException::fromStatus($st);
            try {
                $header = $columns();
            } catch (NotFoundException) { // an empty file: no header
                throw $e;
            }
            $c = new ColumnException($e->getMessage(), $st);
            $c->detail = $e->detail;
            $c->statusName = $e->statusName;
            $c->columns = $header['columns'];
            $c->candidates = $header['candidates'];
            throw $c;
        }
        FFI::check($st);
        return $handle;
    }

    /** @var array<string, int> field name => offset in sesame_phone_audit_row */
    private static array $offsets = [];

    /**
     * The bytes of a text field of the row, exactly $len of them. PHP FFI turns a `const char *`
     * it reads into a string up to the first NUL (an embedded NUL would cut a field, and `raw` is
     * not NUL-terminated): the pointer is read through a `char **` at the field's offset instead.
     */
    private static function text(\FFI\CData $r, string $field, int $len, ?int $index = null): string
    {
        if ($len === 0) {
            return '';
        }
        $offset = self::$offsets[$field] ??= \FFI::typeof($r[0])->getStructFieldOffset($field);
        $base = \FFI::cast('char *', $r) + $offset;
        $p = $index === null ? \FFI::cast('char **', $base)[0] : \FFI::cast('char ***', $base)[0][$index];
        return \FFI::string($p, $len);
    }

    /** @param array{outcomes: array<int, string>, encodings: array<int, string>, types: array<int, string>, errors: array<int, string>} $names */
    private static function row(\FFI\CData $r, array $names, \FFI $ffi): PhoneAuditRow
    {
        $fields = [];
        for ($i = 0; $i < $r->field_count; $i++) {
            $fields[] = self::text($r, 'fields', $r->field_lens[$i], $i);
        }
        $valid = $r->e164_len > 0;
        $type = $r->type;
        $error = $r->error;
        $encoding = $r->encoding;
        return new PhoneAuditRow(
            $r->row,
            $r->line,
            $r->row === 0 ? null : ($names['outcomes'][$r->outcome] ?? (string) $r->outcome),
            self::text($r, 'input', $r->input_len),
            $valid ? self::text($r, 'e164', $r->e164_len) : null,
            $valid ? ($names['types'][$type] ?? $ffi->sesame_phone_type_name($type)) : null,
            $error !== 0 ? ($names['errors'][$error] ?? $ffi->sesame_phone_error_name($error)) : null,
            self::text($r, 'message', $r->message_len),
            $r->same_as_line !== 0 ? $r->same_as_line : null,
            $r->outside_metadata,
            $fields,
            self::text($r, 'raw', $r->raw_len),
            self::text($r, 'gap', $r->gap_len),
            self::text($r, 'line_end', $r->line_end_len),
            $r->column,
            $names['encodings'][$encoding] ?? (string) $encoding,
            chr($r->delimiter),
            $r->bom,
        );
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
            $s->shared_numbers, $s->problems, $s->outside_metadata);
    }
}
