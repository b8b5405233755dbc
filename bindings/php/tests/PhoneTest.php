<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sesame\Phone;

final class PhoneTest extends TestCase
{
    private const BULLET = "\u{2022}";

    public function testOverseasMobileIsFolded(): void
    {
        $n = Phone::normalize('0692 12 34 56');
        $this->assertTrue($n->ok);
        $this->assertSame('0692 12 34 56', $n->input);
        $this->assertSame('+262692123456', $n->e164);
        $this->assertSame(262, $n->countryCode);
        $this->assertSame('RE', $n->region);
        $this->assertSame('mobile', $n->type);
        $this->assertTrue($n->isMobile);
        $this->assertSame('06 92 12 34 56', $n->national);
        $this->assertSame('+262 692 12 34 56', $n->international);
        $b = self::BULLET;
        $this->assertSame("+262 6$b$b $b$b $b$b 56", $n->masked);
        $this->assertNull($n->error);
    }

    public function testTypings(): void
    {
        foreach (['06 12 34 56 78', '+33 (0)6 12 34 56 78', '0033 6 12 34 56 78', '612345678', 'tel:+33612345678',
                  "06\u{202F}12\u{202F}34\u{202F}56\u{202F}78", "\u{FF10}\u{FF16}12345678",
                  "\u{0660}\u{0666}\u{0661}\u{0662}\u{0663}\u{0664}\u{0665}\u{0666}\u{0667}\u{0668}"] as $raw) {
            $this->assertSame('+33612345678', Phone::normalize($raw)->e164, $raw);
        }
    }

    public function testRefusals(): void
    {
        $cases = [
            str_repeat('1', 251) => 'too_long',
            "06 12 34 56 7\xFF" => 'invalid_utf8',
            '06 12 34 56 78 poste 12' => 'extension',
            'Tél : 06 12 34 56 78' => 'invalid_character',
            "06\x0012345678" => 'invalid_character',
            '' => 'no_digits',
            '0612' => 'invalid_length',
            '+590 692 12 34 56' => 'invalid_number',
        ];
        foreach ($cases as $raw => $error) {
            $n = Phone::normalize((string) $raw);
            $this->assertFalse($n->ok, (string) $raw);
            $this->assertSame($error, $n->error, (string) $raw);
            $this->assertNull($n->e164);
            $this->assertNull($n->isMobile);
            $this->assertContains($error, Phone::errors());
        }
    }

    public function testForeign(): void
    {
        $n = Phone::normalize('+44 (0)20 7946 0958');
        $this->assertSame(['+442079460958', 44, 'GB', 'fixed_line', false, '+44 20 7946 0958', '+44 20 7946 0958'],
            [$n->e164, $n->countryCode, $n->region, $n->type, $n->isMobile, $n->national, $n->international]);
        $this->assertSame('fixed_line_or_mobile', Phone::normalize('+1 202 555 0123')->type);
    }

    public function testRoundTripAndSameNumber(): void
    {
        foreach (['0692 12 34 56', '01 23 45 67 89', '+44 20 7946 0958', '+687 75 12 34'] as $raw) {
            $n = Phone::normalize($raw);
            $this->assertSame($n->e164, Phone::normalize($n->international)->e164);
        }
        $this->assertTrue(Phone::sameNumber('06 92 12 34 56', '+262 692 12 34 56'));
        $this->assertFalse(Phone::sameNumber('079 123 45 67', '+41 79 123 45 67'));
        $this->assertFalse(Phone::sameNumber('abc', 'abc'));
        $this->assertFalse(Phone::sameNumber('', ''));
    }
}
