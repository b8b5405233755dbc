<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sesame\Directory;
use Sesame\IoException;
use Sesame\LimitException;
use Sesame\Password;

/** Every input has a bound (sesame/limits.h), through the PHP binding. */
final class LimitsTest extends TestCase
{
    public function testAClaimAboveItsBoundsIsALimitException(): void
    {
        $d = Directory::fromJson(['guardians' => []]);
        try {
            $d->match(str_repeat('[', 1000), '2026-09-01', 0);
            $this->fail('a claim nested 1,000 deep is refused');
        } catch (LimitException $e) {
            $this->assertStringContainsString('SESAME_JSON_MAX_DEPTH', $e->detail);
        }
        $this->expectException(LimitException::class);
        $d->match(['method' => 'form', 'family_name' => str_repeat('A', 70000)], '2026-09-01', 0);
    }

    public function testDirectoryFilesMustBeRegularAndWithinTheBound(): void
    {
        foreach (['/dev/zero', '/tmp'] as $path) {
            try {
                Directory::loadJson($path);
                $this->fail("$path is refused");
            } catch (IoException $e) {
                $this->assertStringContainsString('not a regular file', $e->detail);
            }
        }
        $school = tempnam(sys_get_temp_dir(), 'sesame-school');
        file_put_contents($school, '{"guardians": []}');
        try {
            Directory::loadJson($school, maxBytes: 5);
            $this->fail('a file above maxBytes is refused');
        } catch (LimitException $e) {
            $this->assertStringContainsString('max_bytes', $e->detail);
        } finally {
            unlink($school);
        }
        $this->expectException(\ValueError::class);
        Directory::fromJson('{}', maxBytes: -1);
    }

    public function testAStoredHashCannotAskForMoreThanHashingAccepts(): void
    {
        $h = Password::hash('Lucas2014!');
        $this->assertTrue(Password::verify($h, 'Lucas2014!'));
        $this->assertTrue(Password::needsRehash(str_replace('$argon2id$', '$argon2i$', $h)));
        $this->assertFalse(Password::needsRehash($h));
        $this->expectException(LimitException::class);
        Password::verify(str_replace('m=65536', 'm=4194304', $h), 'Lucas2014!');
    }
}
