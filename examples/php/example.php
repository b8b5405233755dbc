<?php
// Sesame from PHP: version, build information, the error model.
declare(strict_types=1);

require __DIR__ . '/../../bindings/php/autoload.php';

echo 'PHP example: ', \Sesame\Sesame::buildInfo(), "\n";
try {
    \Sesame\FFI::check(\Sesame\FFI::get()->sesame_build_info(null, 0, null));
} catch (\Sesame\InvalidArgumentException $e) {
    echo 'PHP example: a NULL out_len throws ', get_class($e), ' (code ', $e->getCode(), '): ', $e->detail, "\n";
}
