<?php
/**
 * HS256 JSON Web Tokens: the plugin signs one for the signed-in user (the same token format
 * `@lms-kit/server` accepts) and verifies the bearer token of every protocol request.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Signs and verifies HS256 tokens with the site's secret. */
final class Lms_Kit_Jwt {
	/** Base64url without padding. */
	private static function encode( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' );
	}

	private static function decode( string $text ): string {
		$padded = strtr( $text, '-_', '+/' ) . str_repeat( '=', ( 4 - strlen( $text ) % 4 ) % 4 );
		$bytes  = base64_decode( $padded, true );
		return false === $bytes ? '' : $bytes;
	}

	/** A token for `$claims` valid `$seconds` from now. */
	public static function sign( array $claims, string $secret, int $seconds = 900 ): string {
		$now     = time();
		$payload = array_merge( $claims, array( 'iat' => $now, 'exp' => $now + $seconds ) );
		$head    = self::encode( wp_json_encode( array( 'alg' => 'HS256', 'typ' => 'JWT' ) ) );
		$body    = self::encode( wp_json_encode( $payload ) );
		return "$head.$body." . self::encode( hash_hmac( 'sha256', "$head.$body", $secret, true ) );
	}

	/**
	 * The claims of a valid token, or a reason it was refused (a string).
	 *
	 * @return array|string
	 */
	public static function verify( string $token, string $secret ) {
		$parts = explode( '.', $token );
		if ( 3 !== count( $parts ) ) {
			return 'the token is not a JWT';
		}
		$header = json_decode( self::decode( $parts[0] ), true );
		if ( ! is_array( $header ) || ( $header['alg'] ?? '' ) !== 'HS256' ) {
			return 'only HS256 tokens are accepted';
		}
		$expected = hash_hmac( 'sha256', "$parts[0].$parts[1]", $secret, true );
		if ( ! hash_equals( $expected, self::decode( $parts[2] ) ) ) {
			return 'signature verification failed';
		}
		$claims = json_decode( self::decode( $parts[1] ), true );
		if ( ! is_array( $claims ) ) {
			return 'the token payload is not JSON';
		}
		if ( isset( $claims['exp'] ) && time() >= (int) $claims['exp'] ) {
			return '"exp" claim timestamp check failed';
		}
		if ( isset( $claims['nbf'] ) && time() < (int) $claims['nbf'] ) {
			return '"nbf" claim timestamp check failed';
		}
		return $claims;
	}
}
