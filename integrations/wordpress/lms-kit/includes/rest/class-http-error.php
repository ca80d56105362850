<?php
/**
 * An answer of the protocol other than 2xx: `{ "error": { "code", "message", "issues"? } }` with the
 * codes of `LmsError`, as `@lms-kit/server` answers.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Thrown by handlers; the router turns it into the JSON error answer. */
final class Lms_Kit_Http_Error extends Exception {
	/** @var int */
	public $status;
	/** @var string */
	public $error_code;
	/** @var array */
	public $issues;
	/** @var array Extra fields of the answer (412's `current`). */
	public $extra;

	public function __construct( int $status, string $code, string $message, array $issues = array(), array $extra = array() ) {
		parent::__construct( $message );
		$this->status     = $status;
		$this->error_code = $code;
		$this->issues     = $issues;
		$this->extra      = $extra;
	}

	public static function forbidden( string $message = 'Your role does not allow this.' ): self {
		return new self( 403, 'auth/forbidden', $message );
	}

	public static function not_found( string $what ): self {
		return new self( 404, 'storage/not-found', "$what does not exist." );
	}

	public function to_response(): WP_REST_Response {
		$error = array( 'code' => $this->error_code, 'message' => $this->getMessage() );
		if ( $this->issues ) {
			$error['issues'] = $this->issues;
		}
		return new WP_REST_Response( array_merge( array( 'error' => $error ), $this->extra ), $this->status );
	}
}
