<?php
declare(strict_types=1);

namespace Sesame;

/** A challenge store for OtpService (OtpMemoryStore, RedisStore): owns a sesame_otp_store handle. */
interface OtpStore
{
    /** The sesame_otp_store* (valid while this object lives; services keep their own reference). */
    public function handle(): \FFI\CData;
}
