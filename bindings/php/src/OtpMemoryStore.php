<?php
declare(strict_types=1);

namespace Sesame;

/**
 * An in-process store shared by several OtpService objects of one PHP process. Not shared between
 * processes: PHP-FPM workers need RedisStore, and outside the CLI SAPI the constructor throws
 * DeploymentException. $maxRecords: (subject, purpose) pairs held at most; null for the library's
 * default (sesame_otp_memory_options_init()).
 */
final class OtpMemoryStore implements OtpStore
{
    private \FFI\CData $h;

    public function __construct(?int $maxRecords = null)
    {
        FFI::requireLongLivedProcess('OtpMemoryStore', 'new \\Sesame\\RedisStore(...)');
        $ffi = FFI::get();
        $o = $ffi->new('sesame_otp_memory_options');
        FFI::check($ffi->sesame_otp_memory_options_init(\FFI::addr($o)));
        if ($maxRecords !== null) {
            $o->max_records = FFI::fits($maxRecords, 'size_t', 'maxRecords');
        }
        $h = $ffi->new('sesame_otp_store*');
        FFI::check($ffi->sesame_otp_store_new_memory(\FFI::addr($h), \FFI::addr($o)));
        $this->h = $h;
    }

    public function handle(): \FFI\CData
    {
        return $this->h;
    }

    public function __destruct()
    {
        FFI::get()->sesame_otp_store_free($this->h);
    }
}
