<?php
/**
 * Puts LMS Kit elements on a page: the `[lms_course]` shortcode and the blocks render here. Each
 * element goes in a `<template>` that `assets/lms-kit-wp.js` mounts once the page's storage is known:
 * for a signed-in user an `HttpStorageAdapter` on this plugin's REST API with a token the site signed
 * (so the learner is the WordPress user); for guests, as the settings say, progress in the browser or a
 * "log in to track" prompt. The scripts load from the site's own origin.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Markup of the elements and the page configuration they need. */
final class Lms_Kit_Render {
	/** @var bool */
	private static $needed = false;

	public static function init(): void {
		add_shortcode( 'lms_course', array( self::class, 'course_shortcode' ) );
		add_action( 'wp_footer', array( self::class, 'footer' ) );
		add_filter( 'the_content', array( self::class, 'course_page' ) );
	}

	/** A Course post's own page shows its description, then the course with the learner's progress. */
	public static function course_page( $content ) {
		if ( is_singular( Lms_Kit_Courses::POST_TYPE ) && in_the_loop() && is_main_query() ) {
			$content .= self::course( (int) get_the_ID(), true, false );
		}
		return $content;
	}

	/** `[lms_course id="12" progress="yes" certificate="no"]`: the course post 12 in a player. */
	public static function course_shortcode( $atts ): string {
		$atts = shortcode_atts( array( 'id' => '', 'progress' => 'no', 'certificate' => 'no' ), $atts, 'lms_course' );
		return self::course( (int) $atts['id'], 'yes' === $atts['progress'], 'yes' === $atts['certificate'] );
	}

	public static function course( int $post_id, bool $progress, bool $certificate ): string {
		$post = get_post( $post_id );
		$src  = $post && Lms_Kit_Courses::POST_TYPE === $post->post_type ? Lms_Kit_Courses::src( $post_id ) : null;
		if ( ! $src || ( 'publish' !== $post->post_status && ! current_user_can( 'read_post', $post_id ) ) ) {
			return current_user_can( 'edit_posts' ) ? '<p class="lms-kit-missing">' . esc_html__( 'LMS Kit: this course does not exist or has no published package yet.', 'lms-kit' ) . '</p>' : '';
		}
		$course_id = Lms_Kit_Courses::current( $post_id )['courseId'];
		$inner     = sprintf( '<lms-course-player src="%s"></lms-course-player>', esc_url( $src ) );
		if ( $progress ) {
			$inner .= sprintf( '<lms-progress course="%s"></lms-progress>', esc_attr( $course_id ) );
		}
		if ( $certificate ) {
			$inner .= sprintf( '<lms-certificate course="%s"></lms-certificate>', esc_attr( $course_id ) );
		}
		return self::mount( $inner, 'lms-kit-course' );
	}

	/** Any element by tag name (catalog, my-learning, progress, certificate-verify, reports…) with attributes. */
	public static function element( string $tag, array $attributes = array() ): string {
		$html = '';
		foreach ( $attributes as $name => $value ) {
			if ( null !== $value && '' !== $value ) {
				$html .= sprintf( ' %s="%s"', esc_attr( $name ), esc_attr( (string) $value ) );
			}
		}
		return self::mount( sprintf( '<%1$s%2$s></%1$s>', tag_escape( $tag ), $html ), 'lms-kit-' . sanitize_html_class( $tag ) );
	}

	private static function mount( string $inner, string $class ): string {
		self::$needed = true;
		if ( ! is_user_logged_in() && 'login' === Lms_Kit_Settings::get( 'guests' ) ) {
			return sprintf(
				'<p class="lms-kit-login">%s <a href="%s">%s</a></p>',
				esc_html__( 'Log in to take this course and keep track of your progress.', 'lms-kit' ),
				esc_url( wp_login_url( get_permalink() ) ),
				esc_html__( 'Log in', 'lms-kit' )
			);
		}
		return sprintf( '<div class="lms-kit-mount %s"><template><lms-provider>%s</lms-provider></template></div>', esc_attr( $class ), $inner );
	}

	/** What the mount script needs: endpoint, token and how to renew it, the learner. */
	public static function page_config(): array {
		$config = array(
			// The protocol base: `HttpStorageAdapter` resolves `v1/…` against it.
			'endpoint'      => rest_url( 'lms-kit/' ),
			'serviceWorker' => Lms_Kit_Assets::service_worker_url(),
			'scope'         => wp_parse_url( home_url( '/' ), PHP_URL_PATH ),
		);
		if ( is_user_logged_in() ) {
			$user             = wp_get_current_user();
			$config['learner'] = array( 'email' => $user->user_email, 'name' => $user->display_name );
			$config['token']   = Lms_Kit_Tokens::for_user( $user );
			$config['nonce']   = wp_create_nonce( 'wp_rest' );
		}
		return $config;
	}

	public static function footer(): void {
		if ( self::$needed ) {
			self::print_scripts();
		}
	}

	/** The configuration and the module script (WordPress 6.1 has no module enqueueing: printed here). */
	public static function print_scripts(): void {
		printf(
			'<script type="application/json" id="lms-kit-config">%s</script><script type="module" src="%s"></script>',
			wp_json_encode( self::page_config(), JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_SLASHES ),
			esc_url( Lms_Kit_Assets::url( 'lms-kit-wp.js' ) )
		);
	}
}
