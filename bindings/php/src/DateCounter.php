<?php
declare(strict_types=1);

namespace Sesame;

/** Wrong birth dates per pupil (in-process sliding window): maxFailures per windowMs. */
final class DateCounter
{
    /** @internal */
    public \FFI\CData $handle;

    public function __construct(int $maxFailures = 3, int $windowMs = 86400000)
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_date_counter*');
        FFI::check($ffi->sesame_date_counter_new(\FFI::addr($h), $maxFailures, $windowMs));
        $this->handle = $h;
    }

    public function __destruct()
    {
        FFI::get()->sesame_date_counter_free($this->handle);
    }
}
