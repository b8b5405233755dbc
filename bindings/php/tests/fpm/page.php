<?php
// Served by php-fpm8.2 in Php.Fpm (run.sh): what a web request can do with the preloaded binding.
declare(strict_types=1);

// An application loads the package's autoloader (Composer's in real life); preloaded classes are
// already there and are not loaded twice.
require_once $_SERVER['SESAME_AUTOLOAD'];
header('Content-Type: text/plain; charset=utf-8');
echo 'sapi ', PHP_SAPI, "\n";
try {
    echo 'phone ', \Sesame\Phone::normalize('0692 12 34 56')->e164, "\n";
    echo 'password ', \Sesame\Password::check('Lucas2014!')->valid ? 'valid' : 'refused', "\n";
} catch (\Throwable $e) {
    echo 'error ', get_class($e), ': ', $e->getMessage(), "\n";
}
foreach (['otp' => static fn () => \Sesame\OtpService::portal(str_repeat('k', 32), 1),
          'memory' => static fn () => new \Sesame\OtpMemoryStore(),
          'dates' => static fn () => new \Sesame\DateCounter()] as $what => $make) {
    try {
        $make();
        echo "$what accepted\n";
    } catch (\Sesame\DeploymentException $e) {
        echo "$what refused: ", $e->getMessage(), "\n";
    } catch (\Throwable $e) {
        echo "$what error ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
