<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sesame\OtpAuthenticator;
use Sesame\ParseException;

final class OtpAuthenticatorTest extends TestCase
{
    public function testRfc4226AndRfc6238Vectors(): void
    {
        $secret = '12345678901234567890';
        $this->assertSame('755224', OtpAuthenticator::hotp($secret, 0));
        $this->assertSame('520489', OtpAuthenticator::hotp($secret, 9));
        $this->assertSame(4, OtpAuthenticator::hotpVerify($secret, '969429', 0, 5));
        $this->assertNull(OtpAuthenticator::hotpVerify($secret, '969429', 0, 1));
        $this->assertSame('94287082', OtpAuthenticator::totp($secret, 59000, digits: 8));
        $this->assertSame('91819424', OtpAuthenticator::totp('12345678901234567890123456789012', 1234567890000,
            digits: 8, hash: 'sha256'));
        $step = OtpAuthenticator::totpVerify($secret, '94287082', 59000, digits: 8);
        $this->assertSame(1, $step);
        $this->assertNull(OtpAuthenticator::totpVerify($secret, '94287082', 59000, lastStep: $step, digits: 8));
    }

    public function testBase32(): void
    {
        $this->assertSame('MZXW6YTBOI======', OtpAuthenticator::base32Encode('foobar'));
        $this->assertSame('foobar', OtpAuthenticator::base32Decode('mzxw6ytboi'));
        $this->expectException(ParseException::class);
        OtpAuthenticator::base32Decode('MZ!');
    }
}
