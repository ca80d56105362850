<?php
/**
 * Request checks of the protocol, with the paths `@lms-kit/server` reports (`body.value.courseId`), so
 * a page gets the same `server/invalid-request` issues from either server.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Collects issues; `done()` throws them as one 400. */
final class Lms_Kit_Validate {
	/** @var array */
	private $issues = array();
	/** @var string */
	private $where;

	public function __construct( string $where = 'body' ) {
		$this->where = $where;
	}

	private function issue( string $path, string $message ): void {
		$this->issues[] = array( 'path' => $path, 'message' => $message );
	}

	/** An object (associative array) at `$path`; answers it or an empty array. */
	public function object( $value, string $path ): array {
		if ( is_array( $value ) && ( array() === $value || array_keys( $value ) !== range( 0, count( $value ) - 1 ) ) ) {
			return $value;
		}
		$this->issue( $path, 'Invalid input: expected object, received ' . self::kind( $value ) );
		return array();
	}

	/** A string id of 1 to 512 characters in `$object[$field]` (optional ones may be missing). */
	public function id( array $object, string $field, string $path, bool $optional = false ): void {
		if ( $optional && ! array_key_exists( $field, $object ) ) {
			return;
		}
		$value = $object[ $field ] ?? null;
		if ( ! is_string( $value ) ) {
			$this->issue( "$path.$field", 'Invalid input: expected string, received ' . self::kind( $value ) );
		} elseif ( '' === $value || mb_strlen( $value ) > 512 ) {
			$this->issue( "$path.$field", 'Too small or too big: expected a string of 1 to 512 characters' );
		}
	}

	public function one_of( array $object, string $field, string $path, array $allowed ): void {
		if ( ! in_array( $object[ $field ] ?? null, $allowed, true ) ) {
			$this->issue( "$path.$field", 'Invalid option: expected one of ' . implode( '|', $allowed ) );
		}
	}

	public function check( bool $ok, string $path, string $message ): void {
		if ( ! $ok ) {
			$this->issue( $path, $message );
		}
	}

	public function done(): void {
		if ( $this->issues ) {
			$first = $this->issues[0];
			throw new Lms_Kit_Http_Error( 400, 'server/invalid-request', "The request {$this->where} is not valid: {$first['path']}: {$first['message']}", $this->issues );
		}
	}

	private static function kind( $value ): string {
		if ( null === $value ) {
			return 'undefined';
		}
		return is_array( $value ) ? ( array_keys( $value ) === range( 0, count( $value ) - 1 ) ? 'array' : 'object' ) : gettype( $value );
	}
}
