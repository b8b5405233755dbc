<?php
declare(strict_types=1);

namespace Ent;

use Sesame\DateCounter;
use Sesame\OtpService;
use Sesame\RedisStore;

/**
 * The shared state of the journey, in Redis behind Sentinel: SMS codes (portal preset: 30 min,
 * 5 wrong codes, 60 s between sends) and wrong birth dates (3 per pupil per day). wait_replicas=1:
 * a consumed code is granted only once a replica has it, so a failover never revives it. Built per
 * request (PHP-FPM keeps no object between requests); the connections are opened on first use.
 */
final class Services
{
    public const PURPOSE = 'activation';

    private ?OtpService $otp = null;
    private ?DateCounter $dates = null;

    public function __construct(private readonly Config $config)
    {
    }

    public function otp(): OtpService
    {
        return $this->otp ??= OtpService::portal($this->config->otpKey, 1,
            store: new RedisStore(...$this->redis('sesame:web:otp:')), indexKey: $this->config->otpIndexKey);
    }

    public function dates(): DateCounter
    {
        return $this->dates ??= DateCounter::redis(3, 86_400_000, ...$this->redis('sesame:web:dates:'));
    }

    /** @return array<string, mixed> the connection arguments of RedisStore / DateCounter::redis */
    private function redis(string $prefix): array
    {
        $args = ['prefix' => $prefix, 'timeoutMs' => 500, 'connectTimeoutMs' => 300];
        if ($this->config->sentinels !== []) {
            return $args + ['sentinels' => $this->config->sentinels, 'master' => $this->config->master, 'waitReplicas' => 1];
        }
        return $args + ['host' => $this->config->redisHost, 'port' => $this->config->redisPort];
    }
}
